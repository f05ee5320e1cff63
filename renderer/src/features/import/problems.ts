import { TeiaError } from '../../../../shared/contract/errors.ts';
import { importProblemOf } from '../../../../shared/domain/import-problems.ts';
import { errorMessage } from '../../api/client.ts';
import { defineMessages } from '../../i18n/index.tsx';

/**
 * Why a file could not be read, said in the person's language with this screen's own
 * controls (the core's sentence is in English and names no control; the CLI adds its flags).
 */
export const problemMessages = defineMessages({
  en: {
    'unknown-format': 'Teia could not tell what kind of file {name} is. Choose its format in the Format list above.',
    'no-name-column': 'No column is chosen for the enterprise name. Under “Which column holds what?”, choose the column that holds the names.',
    'no-such-column': 'The file has no column named {missing}. Its columns are: {columns}.',
    'unknown-field': 'The column mapping names fields Teia does not have: {fields}.',
    'no-solidarity-column': 'The file has no column named {column} to decide solidarity from. Choose another column.',
    thisFile: 'this file',
  },
  es: {
    'unknown-format': 'Teia no pudo saber qué tipo de archivo es {name}. Elija su formato en la lista Formato de arriba.',
    'no-name-column': 'No se eligió ninguna columna para el nombre del emprendimiento. En «¿Qué columna contiene qué?», elija la columna con los nombres.',
    'no-such-column': 'El archivo no tiene ninguna columna llamada {missing}. Sus columnas son: {columns}.',
    'unknown-field': 'La correspondencia de columnas nombra campos que Teia no tiene: {fields}.',
    'no-solidarity-column': 'El archivo no tiene ninguna columna llamada {column} para decidir si son solidarios. Elija otra columna.',
    thisFile: 'este archivo',
  },
  pt: {
    'unknown-format': 'A Teia não conseguiu saber que tipo de arquivo é {name}. Escolha o formato na lista Formato acima.',
    'no-name-column': 'Nenhuma coluna foi escolhida para o nome do empreendimento. Em “Qual coluna tem o quê?”, escolha a coluna com os nomes.',
    'no-such-column': 'O arquivo não tem coluna chamada {missing}. As colunas dele são: {columns}.',
    'unknown-field': 'A correspondência de colunas cita campos que a Teia não tem: {fields}.',
    'no-solidarity-column': 'O arquivo não tem coluna chamada {column} para decidir se são solidários. Escolha outra coluna.',
    thisFile: 'este arquivo',
  },
  fr: {
    'unknown-format': 'Teia n’a pas pu savoir quel type de fichier est {name}. Choisissez son format dans la liste Format ci-dessus.',
    'no-name-column': 'Aucune colonne n’est choisie pour le nom de l’entreprise. Dans « Quelle colonne contient quoi ? », choisissez la colonne des noms.',
    'no-such-column': 'Le fichier n’a pas de colonne nommée {missing}. Ses colonnes sont : {columns}.',
    'unknown-field': 'La correspondance des colonnes nomme des champs que Teia n’a pas : {fields}.',
    'no-solidarity-column': 'Le fichier n’a pas de colonne nommée {column} pour décider s’il s’agit d’entreprises solidaires. Choisissez une autre colonne.',
    thisFile: 'ce fichier',
  },
});

type T = (key: keyof (typeof problemMessages)['en'], values?: Record<string, string>) => string;

/** A sentence for an import error: the localised one for a known problem, else the core's. */
export function importErrorMessage(err: unknown, t: T): string {
  const p = err instanceof TeiaError ? importProblemOf(err.details) : undefined;
  const quote = (xs: string[]) => xs.map((x) => `“${x}”`).join(', ');
  switch (p?.problem) {
    case 'unknown-format':
      return t('unknown-format', { name: p.fileName ? `“${p.fileName}”` : t('thisFile') });
    case 'no-name-column':
      return t('no-name-column');
    case 'no-such-column':
      return t('no-such-column', { missing: quote(p.missing), columns: p.columns.join(', ') });
    case 'unknown-field':
      return t('unknown-field', { fields: p.fields.join(', ') });
    case 'no-solidarity-column':
      return t('no-solidarity-column', { column: `“${p.column}”` });
    default:
      return errorMessage(err);
  }
}
