import { useId } from 'react';
import type { SolidarityAnswer, SolidarityDecision } from '../../../../shared/domain/solidarity.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { useVocab } from '../../components/vocab.ts';

const messages = defineMessages('import.solidarityStep', {
  title: [],
  lead: [],
  stated: ['others', 'stated', 'total'],
  allStated: ['total'],
  yes: [],
  yesHint: [],
  no: [],
  noHint: [],
  column: [],
  columnHint: [],
  unknown: [],
  unknownHint: [],
  suggested: [],
  suggestion: ['choice'],
  chooseColumn: [],
  valuesTitle: [],
  value: [],
  count: [],
  answer: [],
  answer_yes: [],
  answer_no: [],
  answer_unknown: [],
  empty: [],
  result: ['no', 'unknown', 'yes'],
  required: [],
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
