import { defineMessages } from '../../i18n/index.tsx';
import { MAPPABLE_FIELDS, type MappableField } from '../../../../shared/domain/mapping.ts';

export const importMessages = defineMessages({
  en: {
    title: 'Import & export', lead: 'Bring a list of enterprises into the catalogue, or take the catalogue out as a file. Nothing is written until you press Import.',
    importTitle: 'Import a file', drop: 'Drop a file here', or: 'or', pick: 'Choose a file…', accepted: 'Teia packages (.json), SSE CSV, any CSV or Excel sheet with a column mapping, GeoJSON, Murmurations.',
    reading: 'Reading {name}…', file: 'File', size: '{size} KB', format: 'Format', detected: 'detected', another: 'Choose another file',
    mappingTitle: 'Which column holds what?', mappingLead: 'Each field of the catalogue takes one column of your file (or none). Teia guessed from the column names; check them. A name is required.',
    field: 'Catalogue field', column: 'Column in your file', notImported: '— not imported —', previewTitle: 'First rows of the file', previewCaption: 'The first {count} rows as read; mapped columns show the field they fill.',
    dryRun: 'If you import now: {accepted} of {rows} rows accepted, {rejected} rejected.', checking: 'Checking the file…',
    duplicateRule: 'When an enterprise looks like one already in the catalogue', propose: 'ask me (proposals to confirm)', merge: 'merge it into the existing one', skip: 'skip it', keepBoth: 'keep both',
    run: 'Import', cancel: 'Cancel', importing: 'Importing {name}…', cancelled: 'The import was cancelled: nothing was written.', progress: 'Import progress', progressCount: '{done} of {total}',
    reportTitle: 'Import report', rowsRead: 'Rows read', acceptedRows: 'Accepted', rejectedRows: 'Rejected', written: 'Enterprises written', duplicates: 'Looked like existing ones',
    rejectedTitle: 'Rejected rows', line: 'Line', record: 'Record', reason: 'Why', warnings: 'Warnings', noneRejected: 'No row was rejected.', seeDirectory: 'See them in the directory', took: 'Took {ms} ms.',
    duplicatesTitle: 'Records that met existing enterprises', incoming: 'In the file', existing: 'In the catalogue', because: 'Because', action: 'What happened',
    action_merged: 'merged', action_skipped: 'skipped', action_keptBoth: 'kept both', action_proposed: 'waiting for you below',
    mergesTitle: 'Are these the same enterprise?', mergesLead: 'An import found records that may already be in the catalogue. Confirm or reject each one.', noMerges: 'No question is waiting.',
    doMerge: 'Same: merge', doKeep: 'Different: keep both', doSkip: 'Drop the incoming one', resolved: 'Answered: {action}.',
    exportTitle: 'Export the catalogue', exportLead: 'The same formats as `teia export`. The file is saved to your downloads.',
    exportFormat_package: 'Teia package (JSON)', exportFormat_sse: 'SSE CSV', exportFormat_geojson: 'GeoJSON (maps)', exportFormat_gexf: 'GEXF (Gephi)', exportFormat_graphml: 'GraphML',
    exporting: 'Preparing {format}…', exported: 'Saved {file}.',
  },
  es: {
    title: 'Importar y exportar', lead: 'Traiga una lista de emprendimientos al catálogo, o saque el catálogo como archivo. No se escribe nada hasta que pulse Importar.',
    importTitle: 'Importar un archivo', drop: 'Suelte un archivo aquí', or: 'o', pick: 'Elegir un archivo…', accepted: 'Paquetes Teia (.json), CSV SSE, cualquier CSV u hoja de Excel con correspondencia de columnas, GeoJSON, Murmurations.',
    reading: 'Leyendo {name}…', file: 'Archivo', size: '{size} KB', format: 'Formato', detected: 'detectado', another: 'Elegir otro archivo',
    mappingTitle: '¿Qué columna contiene qué?', mappingLead: 'Cada campo del catálogo toma una columna de su archivo (o ninguna). Teia lo dedujo de los nombres de las columnas; revíselo. El nombre es obligatorio.',
    field: 'Campo del catálogo', column: 'Columna de su archivo', notImported: '— no se importa —', previewTitle: 'Primeras filas del archivo', previewCaption: 'Las primeras {count} filas tal como se leen; las columnas asignadas muestran su campo.',
    dryRun: 'Si importa ahora: {accepted} de {rows} filas aceptadas, {rejected} rechazadas.', checking: 'Revisando el archivo…',
    duplicateRule: 'Cuando un emprendimiento se parece a uno ya existente', propose: 'preguntarme (propuestas a confirmar)', merge: 'fusionarlo con el existente', skip: 'omitirlo', keepBoth: 'conservar ambos',
    run: 'Importar', cancel: 'Cancelar', importing: 'Importando {name}…', cancelled: 'La importación se canceló: no se escribió nada.', progress: 'Progreso de la importación', progressCount: '{done} de {total}',
    reportTitle: 'Informe de importación', rowsRead: 'Filas leídas', acceptedRows: 'Aceptadas', rejectedRows: 'Rechazadas', written: 'Emprendimientos escritos', duplicates: 'Parecidos a existentes',
    rejectedTitle: 'Filas rechazadas', line: 'Línea', record: 'Registro', reason: 'Motivo', warnings: 'Avisos', noneRejected: 'No se rechazó ninguna fila.', seeDirectory: 'Verlos en el directorio', took: 'Tardó {ms} ms.',
    duplicatesTitle: 'Registros que coincidieron con existentes', incoming: 'En el archivo', existing: 'En el catálogo', because: 'Porque', action: 'Qué pasó',
    action_merged: 'fusionado', action_skipped: 'omitido', action_keptBoth: 'ambos conservados', action_proposed: 'esperándole abajo',
    mergesTitle: '¿Es el mismo emprendimiento?', mergesLead: 'Una importación encontró registros que quizá ya están en el catálogo. Confirme o rechace cada uno.', noMerges: 'No hay preguntas pendientes.',
    doMerge: 'Igual: fusionar', doKeep: 'Distinto: conservar ambos', doSkip: 'Descartar el nuevo', resolved: 'Respondido: {action}.',
    exportTitle: 'Exportar el catálogo', exportLead: 'Los mismos formatos que `teia export`. El archivo se guarda en sus descargas.',
    exportFormat_package: 'Paquete Teia (JSON)', exportFormat_sse: 'CSV SSE', exportFormat_geojson: 'GeoJSON (mapas)', exportFormat_gexf: 'GEXF (Gephi)', exportFormat_graphml: 'GraphML',
    exporting: 'Preparando {format}…', exported: 'Guardado {file}.',
  },
  pt: {
    title: 'Importar e exportar', lead: 'Traga uma lista de empreendimentos para o catálogo, ou leve o catálogo como arquivo. Nada é gravado até você clicar em Importar.',
    importTitle: 'Importar um arquivo', drop: 'Solte um arquivo aqui', or: 'ou', pick: 'Escolher um arquivo…', accepted: 'Pacotes Teia (.json), CSV SSE, qualquer CSV ou planilha Excel com correspondência de colunas, GeoJSON, Murmurations.',
    reading: 'Lendo {name}…', file: 'Arquivo', size: '{size} KB', format: 'Formato', detected: 'detectado', another: 'Escolher outro arquivo',
    mappingTitle: 'Qual coluna tem o quê?', mappingLead: 'Cada campo do catálogo recebe uma coluna do seu arquivo (ou nenhuma). A Teia deduziu pelos nomes das colunas; confira. O nome é obrigatório.',
    field: 'Campo do catálogo', column: 'Coluna do seu arquivo', notImported: '— não importar —', previewTitle: 'Primeiras linhas do arquivo', previewCaption: 'As primeiras {count} linhas como lidas; as colunas mapeadas mostram o campo que preenchem.',
    dryRun: 'Se importar agora: {accepted} de {rows} linhas aceitas, {rejected} rejeitadas.', checking: 'Conferindo o arquivo…',
    duplicateRule: 'Quando um empreendimento parece um que já está no catálogo', propose: 'perguntar (propostas a confirmar)', merge: 'mesclar com o existente', skip: 'ignorá-lo', keepBoth: 'manter os dois',
    run: 'Importar', cancel: 'Cancelar', importing: 'Importando {name}…', cancelled: 'A importação foi cancelada: nada foi gravado.', progress: 'Progresso da importação', progressCount: '{done} de {total}',
    reportTitle: 'Relatório da importação', rowsRead: 'Linhas lidas', acceptedRows: 'Aceitas', rejectedRows: 'Rejeitadas', written: 'Empreendimentos gravados', duplicates: 'Pareciam existentes',
    rejectedTitle: 'Linhas rejeitadas', line: 'Linha', record: 'Registro', reason: 'Motivo', warnings: 'Avisos', noneRejected: 'Nenhuma linha foi rejeitada.', seeDirectory: 'Ver no diretório', took: 'Levou {ms} ms.',
    duplicatesTitle: 'Registros que encontraram existentes', incoming: 'No arquivo', existing: 'No catálogo', because: 'Porque', action: 'O que aconteceu',
    action_merged: 'mesclado', action_skipped: 'ignorado', action_keptBoth: 'mantidos os dois', action_proposed: 'aguardando você abaixo',
    mergesTitle: 'São o mesmo empreendimento?', mergesLead: 'Uma importação encontrou registros que talvez já estejam no catálogo. Confirme ou rejeite cada um.', noMerges: 'Nenhuma pergunta pendente.',
    doMerge: 'Mesmo: mesclar', doKeep: 'Diferentes: manter os dois', doSkip: 'Descartar o novo', resolved: 'Respondido: {action}.',
    exportTitle: 'Exportar o catálogo', exportLead: 'Os mesmos formatos de `teia export`. O arquivo é salvo nos seus downloads.',
    exportFormat_package: 'Pacote Teia (JSON)', exportFormat_sse: 'CSV SSE', exportFormat_geojson: 'GeoJSON (mapas)', exportFormat_gexf: 'GEXF (Gephi)', exportFormat_graphml: 'GraphML',
    exporting: 'Preparando {format}…', exported: '{file} salvo.',
  },
  fr: {
    title: 'Importer et exporter', lead: 'Faites entrer une liste d’entreprises dans le catalogue, ou sortez le catalogue en fichier. Rien n’est écrit avant que vous appuyiez sur Importer.',
    importTitle: 'Importer un fichier', drop: 'Déposez un fichier ici', or: 'ou', pick: 'Choisir un fichier…', accepted: 'Paquets Teia (.json), CSV SSE, tout CSV ou feuille Excel avec correspondance des colonnes, GeoJSON, Murmurations.',
    reading: 'Lecture de {name}…', file: 'Fichier', size: '{size} Ko', format: 'Format', detected: 'détecté', another: 'Choisir un autre fichier',
    mappingTitle: 'Quelle colonne contient quoi ?', mappingLead: 'Chaque champ du catalogue prend une colonne de votre fichier (ou aucune). Teia a deviné d’après les noms de colonnes ; vérifiez. Le nom est obligatoire.',
    field: 'Champ du catalogue', column: 'Colonne de votre fichier', notImported: '— non importé —', previewTitle: 'Premières lignes du fichier', previewCaption: 'Les {count} premières lignes telles que lues ; les colonnes associées indiquent leur champ.',
    dryRun: 'Si vous importez maintenant : {accepted} lignes acceptées sur {rows}, {rejected} rejetées.', checking: 'Vérification du fichier…',
    duplicateRule: 'Quand une entreprise ressemble à une entreprise déjà présente', propose: 'me demander (propositions à confirmer)', merge: 'la fusionner avec l’existante', skip: 'l’ignorer', keepBoth: 'garder les deux',
    run: 'Importer', cancel: 'Annuler', importing: 'Import de {name}…', cancelled: 'L’import a été annulé : rien n’a été écrit.', progress: 'Progression de l’import', progressCount: '{done} sur {total}',
    reportTitle: 'Rapport d’import', rowsRead: 'Lignes lues', acceptedRows: 'Acceptées', rejectedRows: 'Rejetées', written: 'Entreprises écrites', duplicates: 'Ressemblaient à des existantes',
    rejectedTitle: 'Lignes rejetées', line: 'Ligne', record: 'Enregistrement', reason: 'Raison', warnings: 'Avertissements', noneRejected: 'Aucune ligne rejetée.', seeDirectory: 'Les voir dans l’annuaire', took: 'Durée : {ms} ms.',
    duplicatesTitle: 'Enregistrements proches d’entreprises existantes', incoming: 'Dans le fichier', existing: 'Dans le catalogue', because: 'Parce que', action: 'Ce qui s’est passé',
    action_merged: 'fusionné', action_skipped: 'ignoré', action_keptBoth: 'les deux gardés', action_proposed: 'en attente ci-dessous',
    mergesTitle: 'Est-ce la même entreprise ?', mergesLead: 'Un import a trouvé des enregistrements peut-être déjà présents. Confirmez ou rejetez chacun.', noMerges: 'Aucune question en attente.',
    doMerge: 'La même : fusionner', doKeep: 'Différentes : garder les deux', doSkip: 'Écarter la nouvelle', resolved: 'Répondu : {action}.',
    exportTitle: 'Exporter le catalogue', exportLead: 'Les mêmes formats que `teia export`. Le fichier est enregistré dans vos téléchargements.',
    exportFormat_package: 'Paquet Teia (JSON)', exportFormat_sse: 'CSV SSE', exportFormat_geojson: 'GeoJSON (cartes)', exportFormat_gexf: 'GEXF (Gephi)', exportFormat_graphml: 'GraphML',
    exporting: 'Préparation de {format}…', exported: '{file} enregistré.',
  },
});

/** Labels of the catalogue fields a column can fill (the core's MAPPABLE_FIELDS). */
export const fieldMessages = defineMessages({
  en: { id: 'Identifier', name: 'Name', description: 'Description', solidarity: 'Solidarity enterprise (yes/no)', lat: 'Latitude', lon: 'Longitude', street: 'Street address', locality: 'Town or city', region: 'Region', postcode: 'Postcode', country: 'Country', website: 'Website', email: 'Email', phone: 'Phone', activities: 'Activities', qualifiers: 'Qualifiers', organisationalStructure: 'Organisational structure', legalForm: 'Legal form', currencies: 'Accepted currencies', networks: 'Networks' },
  es: { id: 'Identificador', name: 'Nombre', description: 'Descripción', solidarity: 'Emprendimiento solidario (sí/no)', lat: 'Latitud', lon: 'Longitud', street: 'Dirección', locality: 'Ciudad', region: 'Región', postcode: 'Código postal', country: 'País', website: 'Sitio web', email: 'Correo', phone: 'Teléfono', activities: 'Actividades', qualifiers: 'Calificadores', organisationalStructure: 'Estructura organizativa', legalForm: 'Forma jurídica', currencies: 'Monedas aceptadas', networks: 'Redes' },
  pt: { id: 'Identificador', name: 'Nome', description: 'Descrição', solidarity: 'Empreendimento solidário (sim/não)', lat: 'Latitude', lon: 'Longitude', street: 'Endereço', locality: 'Cidade', region: 'Região', postcode: 'CEP', country: 'País', website: 'Site', email: 'E-mail', phone: 'Telefone', activities: 'Atividades', qualifiers: 'Qualificadores', organisationalStructure: 'Estrutura organizacional', legalForm: 'Forma jurídica', currencies: 'Moedas aceitas', networks: 'Redes' },
  fr: { id: 'Identifiant', name: 'Nom', description: 'Description', solidarity: 'Entreprise solidaire (oui/non)', lat: 'Latitude', lon: 'Longitude', street: 'Adresse', locality: 'Ville', region: 'Région', postcode: 'Code postal', country: 'Pays', website: 'Site web', email: 'Courriel', phone: 'Téléphone', activities: 'Activités', qualifiers: 'Qualificatifs', organisationalStructure: 'Structure organisationnelle', legalForm: 'Forme juridique', currencies: 'Monnaies acceptées', networks: 'Réseaux' },
});

// Every field the core can map has a label here (the compiler checks both ways).
fieldMessages.en satisfies Record<MappableField, string>;
export const mappableFields: readonly MappableField[] = MAPPABLE_FIELDS;
export type { MappableField };
