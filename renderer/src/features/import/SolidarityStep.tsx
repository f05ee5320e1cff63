import { useId } from 'react';
import type { SolidarityAnswer, SolidarityDecision } from '../../../../shared/domain/solidarity.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { useVocab } from '../../components/vocab.ts';

const messages = defineMessages({
  en: {
    title: 'Are these enterprises solidarity enterprises?', lead: 'Teia never assumes it: every share and leakage figure depends on this answer. Choose for this file; any enterprise can be changed later.',
    stated: '{stated} of {total} records say it themselves; your choice is for the other {others}.', allStated: 'The file says it for every enterprise ({total}); nothing to decide.',
    yes: 'All are solidarity enterprises', yesHint: 'e.g. a directory of co-operatives', no: 'None is a solidarity enterprise', noHint: 'e.g. a list of conventional suppliers',
    column: 'From a column of the file', columnHint: 'e.g. legal form or organisational structure; Teia suggests an answer for each value', unknown: 'Decide later', unknownHint: 'they are listed to classify on the Overview and count as not solidarity until then',
    suggested: 'suggested', suggestion: 'Suggested for this file: {choice}. Confirm it or choose another answer.', chooseColumn: 'Column', valuesTitle: 'What each value of the column means',
    value: 'Value', count: 'Records', answer: 'Solidarity?', answer_yes: 'yes', answer_no: 'no', answer_unknown: 'decide later', empty: '(empty)',
    result: 'With this answer: {yes} solidarity, {no} not solidarity, {unknown} to classify later.', required: 'Answer this question to import.',
  },
  es: {
    title: '¿Son emprendimientos solidarios?', lead: 'Teia nunca lo supone: cada cifra de participación y de fuga depende de esta respuesta. Elija para este archivo; cualquier emprendimiento puede cambiarse después.',
    stated: '{stated} de {total} registros lo dicen ellos mismos; su elección vale para los otros {others}.', allStated: 'El archivo lo dice para cada emprendimiento ({total}); no hay nada que decidir.',
    yes: 'Todos son emprendimientos solidarios', yesHint: 'p. ej., un directorio de cooperativas', no: 'Ninguno es solidario', noHint: 'p. ej., una lista de proveedores convencionales',
    column: 'Según una columna del archivo', columnHint: 'p. ej., forma jurídica o estructura organizativa; Teia sugiere una respuesta para cada valor', unknown: 'Decidir más tarde', unknownHint: 'quedan en la lista por clasificar del Resumen y cuentan como no solidarios hasta entonces',
    suggested: 'sugerido', suggestion: 'Sugerencia para este archivo: {choice}. Confírmela o elija otra respuesta.', chooseColumn: 'Columna', valuesTitle: 'Qué significa cada valor de la columna',
    value: 'Valor', count: 'Registros', answer: '¿Solidario?', answer_yes: 'sí', answer_no: 'no', answer_unknown: 'decidir más tarde', empty: '(vacío)',
    result: 'Con esta respuesta: {yes} solidarios, {no} no solidarios, {unknown} por clasificar.', required: 'Responda esta pregunta para importar.',
  },
  pt: {
    title: 'Estes empreendimentos são solidários?', lead: 'A Teia nunca supõe isso: cada número de participação e de vazamento depende desta resposta. Escolha para este arquivo; qualquer empreendimento pode ser mudado depois.',
    stated: '{stated} de {total} registros dizem isso eles mesmos; sua escolha vale para os outros {others}.', allStated: 'O arquivo diz isso para cada empreendimento ({total}); nada a decidir.',
    yes: 'Todos são empreendimentos solidários', yesHint: 'ex.: um cadastro de cooperativas', no: 'Nenhum é solidário', noHint: 'ex.: uma lista de fornecedores convencionais',
    column: 'Por uma coluna do arquivo', columnHint: 'ex.: natureza jurídica ou estrutura organizacional; a Teia sugere uma resposta para cada valor', unknown: 'Decidir depois', unknownHint: 'ficam na lista a classificar da Visão geral e contam como não solidários até lá',
    suggested: 'sugerido', suggestion: 'Sugestão para este arquivo: {choice}. Confirme ou escolha outra resposta.', chooseColumn: 'Coluna', valuesTitle: 'O que cada valor da coluna significa',
    value: 'Valor', count: 'Registros', answer: 'Solidário?', answer_yes: 'sim', answer_no: 'não', answer_unknown: 'decidir depois', empty: '(vazio)',
    result: 'Com esta resposta: {yes} solidários, {no} não solidários, {unknown} a classificar depois.', required: 'Responda esta pergunta para importar.',
  },
  fr: {
    title: 'Ces entreprises sont-elles solidaires ?', lead: 'Teia ne le suppose jamais : chaque part et chaque fuite en dépend. Choisissez pour ce fichier ; chaque entreprise pourra être changée ensuite.',
    stated: '{stated} des {total} fiches le disent elles-mêmes ; votre choix vaut pour les {others} autres.', allStated: 'Le fichier le dit pour chaque entreprise ({total}) ; rien à décider.',
    yes: 'Toutes sont des entreprises solidaires', yesHint: 'p. ex. un annuaire de coopératives', no: 'Aucune n’est solidaire', noHint: 'p. ex. une liste de fournisseurs conventionnels',
    column: 'D’après une colonne du fichier', columnHint: 'p. ex. forme juridique ou structure ; Teia propose une réponse pour chaque valeur', unknown: 'Décider plus tard', unknownHint: 'elles restent dans la liste à classer de la Vue d’ensemble et comptent comme non solidaires d’ici là',
    suggested: 'suggéré', suggestion: 'Suggestion pour ce fichier : {choice}. Confirmez-la ou choisissez une autre réponse.', chooseColumn: 'Colonne', valuesTitle: 'Ce que veut dire chaque valeur de la colonne',
    value: 'Valeur', count: 'Fiches', answer: 'Solidaire ?', answer_yes: 'oui', answer_no: 'non', answer_unknown: 'décider plus tard', empty: '(vide)',
    result: 'Avec cette réponse : {yes} solidaires, {no} non solidaires, {unknown} à classer plus tard.', required: 'Répondez à cette question pour importer.',
  },
});

export interface SolidarityQuestion {
  columns: string[];
  suggestion: SolidarityDecision | null;
  values: { value: string; count: number; answer: SolidarityAnswer }[];
}
export interface SolidarityCounts { yes: number; no: number; unknown: number; stated: number }

const modes = ['yes', 'no', 'column', 'unknown'] as const;
const answers: SolidarityAnswer[] = ['yes', 'no', 'unknown'];

/** True when the file needs no answer: it has no enterprises, or classifies every one itself (a package). */
export function decidedByFile(counts: SolidarityCounts | undefined): boolean {
  return counts !== undefined && counts.stated === counts.yes + counts.no + counts.unknown;
}

/**
 * The "decide" step of an import, asked as a required question: nothing is chosen until the
 * person chooses (the suggestion is shown, not pre-selected), since an import that silently
 * made a supplier list solidarity would skew every figure after it.
 */
export function SolidarityStep({ question, counts, decision, onChange, disabled }: {
  question: SolidarityQuestion | undefined;
  counts: SolidarityCounts | undefined;
  decision: SolidarityDecision | null;
  onChange(d: SolidarityDecision): void;
  disabled?: boolean;
}) {
  const t = useMessages(messages);
  const { number } = useI18n();
  const vocab = useVocab();
  const name = useId();
  const total = counts ? counts.yes + counts.no + counts.unknown : 0;
  if (counts && total === 0) return null;
  if (counts && decidedByFile(counts)) return <p className="muted solidarity-note">{t('allStated', { total: number(total) })}</p>;
  const suggestion = question?.suggestion ?? null;
  const columns = question?.columns ?? [];
  const label = (v: string) => {
    const structure = vocab.label('structure', v);
    return structure !== v ? `${structure} (${v})` : vocab.label('legalForm', v) !== v ? `${vocab.label('legalForm', v)} (${v})` : v;
  };
  const choiceText = (d: SolidarityDecision) => (d.mode === 'column' ? `${t('column')}: ${d.column}` : t(d.mode));
  const pick = (mode: (typeof modes)[number]) => {
    if (mode === 'column') onChange({ mode, column: (suggestion?.mode === 'column' ? suggestion.column : undefined) ?? columns[0] ?? '' });
    else onChange({ mode });
  };
  const rule = decision?.mode === 'column' ? (decision.rule ?? {}) : {};
  return (
    <fieldset className="mapping solidarity-step" disabled={disabled}>
      <legend>{t('title')} <span aria-hidden="true">*</span></legend>
      <p className="muted small">{t('lead')}</p>
      {counts && counts.stated > 0 && <p className="small">{t('stated', { stated: number(counts.stated), total: number(total), others: number(total - counts.stated) })}</p>}
      {suggestion && <p className="small" data-testid="solidarity-suggestion">{t('suggestion', { choice: choiceText(suggestion) })}</p>}
      <div className="solidarity-choices" role="radiogroup" aria-required="true" aria-label={t('title')}>
        {modes.map((mode) => {
          if (mode === 'column' && columns.length === 0) return null;
          const id = `${name}-${mode}`;
          return (
            <div key={mode} className="solidarity-choice">
              <input type="radio" id={id} name={name} value={mode} checked={decision?.mode === mode} onChange={() => pick(mode)} required />
              <label htmlFor={id}>
                {t(mode)}
                {suggestion?.mode === mode && <span className="field-tag">{t('suggested')}</span>}
                <span className="muted small"> — {t(`${mode}Hint`)}</span>
              </label>
            </div>
          );
        })}
      </div>
      {decision?.mode === 'column' && (
        <div className="solidarity-column">
          <div className="inline-label">
            <label htmlFor={`${name}-col`}>{t('chooseColumn')}</label>
            <select id={`${name}-col`} value={decision.column} onChange={(e) => onChange({ mode: 'column', column: e.target.value })}>
              {columns.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
          {question && question.values.length > 0 && (
            <table className="table solidarity-values">
              <caption className="muted small">{t('valuesTitle')}</caption>
              <thead><tr><th scope="col">{t('value')}</th><th scope="col">{t('count')}</th><th scope="col">{t('answer')}</th></tr></thead>
              <tbody>
                {question.values.map((v) => (
                  <tr key={v.value}>
                    <td>{label(v.value)}</td>
                    <td>{number(v.count)}</td>
                    <td>
                      <select
                        aria-label={`${t('answer')} ${v.value}`}
                        value={rule[v.value] ?? v.answer}
                        onChange={(e) => onChange({ ...decision, rule: { ...rule, [v.value]: e.target.value as SolidarityAnswer } })}
                      >
                        {answers.map((a) => <option key={a} value={a}>{t(`answer_${a}`)}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {decision && counts && <p className="small" role="status" data-testid="solidarity-result">{t('result', { yes: number(counts.yes), no: number(counts.no), unknown: number(counts.unknown) })}</p>}
      {!decision && <p className="small muted">{t('required')}</p>}
    </fieldset>
  );
}
