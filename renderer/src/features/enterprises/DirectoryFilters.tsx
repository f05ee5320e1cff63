import { useEffect, useState } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useCountryName, useVocab, type VocabKind } from '../../components/vocab.ts';
import { VocabNote } from '../../components/VocabNote.tsx';
import type { DirectoryFilters as Filters } from '../../../../shared/contract/directory.ts';
import type { CodeFilter } from './directory-state.ts';
import { directoryMessages } from './directory-messages.ts';
import { enterpriseMessages } from './messages.ts';

interface Props {
  filters: Filters;
  onChange(next: Filters): void;
}

/**
 * The directory's filter bar: one labelled control per filter, each listing only the values
 * present in the catalogue (enterprise-facets) with how many enterprises have each.
 */
export function DirectoryFilters({ filters, onChange }: Props) {
  const t = useMessages(directoryMessages);
  const te = useMessages(enterpriseMessages);
  const { number } = useI18n();
  const vocab = useVocab();
  const country = useCountryName();
  const facets = useQuery('enterprise-facets', filters.country ? { country: filters.country } : {});
  const f = facets.data;

  // The text box updates the address a moment after typing stops, not at every key.
  const [text, setText] = useState(filters.text ?? '');
  useEffect(() => setText(filters.text ?? ''), [filters.text]);
  useEffect(() => {
    if ((filters.text ?? '') === text) return;
    const timer = setTimeout(() => onChange({ ...filters, text: text.trim() ? text : undefined }), 300);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const labelOf: Record<CodeFilter, (v: string, l?: string) => string> = {
    activity: (v) => vocab.label('activity', v),
    structure: (v) => vocab.label('structure', v),
    qualifier: (v) => vocab.label('qualifier', v),
    country: (v) => country(v),
    region: (v) => v,
    network: (v, l) => l ?? v,
    currency: (v, l) => l ?? v,
  };

  const select = (key: CodeFilter) => {
    const values = f?.[key] ?? [];
    const current = filters[key];
    const options = values.map((x) => ({ value: x.value, text: `${labelOf[key](x.value, x.label)} (${number(x.count)})` }));
    // A value from a shared link that this catalogue lacks still shows, so the person sees why nothing matches.
    if (current && !values.some((x) => x.value === current)) options.unshift({ value: current, text: `${labelOf[key](current)} (0)` });
    options.sort((a, b) => a.text.localeCompare(b.text));
    if (!options.length && !current) return null;
    return (
      <label key={key}>
        {t(key)}
        <select
          value={current ?? ''}
          onChange={(e) => {
            const next = { ...filters, [key]: e.target.value || undefined };
            if (key === 'country') delete next.region; // regions belong to a country
            onChange(next);
          }}
        >
          <option value="">{t('all')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </select>
      </label>
    );
  };

  const shownCodes = (['activity', 'structure', 'qualifier'] as const).flatMap((k) => (f?.[k] ?? []).map((x) => [k, x.value] as [CodeFilter & VocabKind, string]));
  return (
    <>
    <fieldset className="filter-bar">
      <legend className="visually-hidden">{t('filters')}</legend>
      <label className="filter-text">
        {t('search')}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
      </label>
      <label>
        {t('solidarityFilter')}
        <select
          value={filters.classified === false ? 'unknown' : filters.solidarity === undefined ? '' : filters.solidarity ? 'yes' : 'no'}
          onChange={(e) => {
            const { solidarity: _s, classified: _c, ...rest } = filters;
            const v = e.target.value;
            onChange(v === 'unknown' ? { ...rest, classified: false } : v === '' ? rest : { ...rest, solidarity: v === 'yes' });
          }}
        >
          <option value="">{t('all')}</option>
          <option value="yes">
            {te('solidarity')} {f ? `(${number(f.solidarity.yes)})` : ''}
          </option>
          <option value="no">
            {te('nonSolidarity')} {f ? `(${number(f.solidarity.no)})` : ''}
          </option>
          {f && f.solidarity.unknown > 0 && (
            <option value="unknown">
              {t('toClassify')} ({number(f.solidarity.unknown)})
            </option>
          )}
        </select>
      </label>
      {select('country')}
      {select('region')}
      {select('activity')}
      {select('structure')}
      {select('network')}
      {select('currency')}
      {select('qualifier')}
    </fieldset>
    <VocabNote vocab={vocab} codes={shownCodes} />
    </>
  );
}
