import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useVocab, type VocabKind } from '../../components/vocab.ts';
import { CRITERIA } from '../../../../shared/domain/package.ts';
import type { EnterpriseDraft } from '../../../../shared/contract/catalogue.ts';
import { enterpriseMessages } from './messages.ts';
import { pageMessages } from './page-messages.ts';
import { countryField, splitList } from './enterprise-record.ts';

interface Props {
  initial: EnterpriseDraft;
  saving: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  onSave(record: EnterpriseDraft): void;
  onCancel(): void;
}

/**
 * Edits every field in place. The core validates (zod) and its messages show here, beside the
 * field they concern and in one sentence above the buttons; the form keeps what was typed.
 */
export function EnterpriseForm({ initial, saving, error, fieldErrors, onSave, onCancel }: Props) {
  const t = useMessages(enterpriseMessages);
  const tp = useMessages(pageMessages);
  const { number } = useI18n();
  const vocab = useVocab();
  const [idPrefix] = useState(() => `f${Math.random().toString(36).slice(2, 8)}`);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = String(f.get(k) ?? '').trim();
      return v ? v : undefined;
    };
    const num = (k: string) => {
      const v = text(k);
      return v === undefined ? undefined : Number(v.replace(',', '.'));
    };
    const criteria: Record<string, number> = {};
    // Criteria the form does not show (other than the engine's six) are kept as they were.
    for (const [c, v] of Object.entries(initial.criteria ?? {})) if (!(CRITERIA as readonly string[]).includes(c)) criteria[c] = v;
    for (const c of CRITERIA) {
      const v = num(`criteria.${c}`);
      if (v !== undefined) criteria[c] = v;
    }
    const codes = (k: string) => {
      const v = f.getAll(k).map(String).filter(Boolean);
      return v.length ? v : undefined;
    };
    const record: EnterpriseDraft = {
      ...initial,
      name: String(f.get('name') ?? ''),
      solidarity: f.get('solidarity') === 'on',
      description: text('description'),
      legalForm: text('legalForm'),
      organisationalStructure: text('organisationalStructure'),
      activities: codes('activities'),
      qualifiers: codes('qualifiers'),
      street: text('street'),
      locality: text('locality'),
      region: text('region'),
      postcode: text('postcode'),
      country: countryField(text('country')),
      lat: num('lat'),
      lon: num('lon'),
      website: text('website'),
      email: text('email'),
      phone: text('phone'),
      networks: splitList(String(f.get('networks') ?? '')),
      source: text('source'),
      criteria: Object.keys(criteria).length ? criteria : undefined,
    };
    // JSON drops undefined: leaving a key out is how enterprise-replace hears "cleared".
    onSave(JSON.parse(JSON.stringify(record)) as EnterpriseDraft);
  };

  // Labels of the fields drawn, so the summary above the buttons names them as the form does.
  const labels: Record<string, { id: string; label: string }> = {};
  const field = (name: string, label: string, input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode) => {
    const id = `${idPrefix}-${name}`;
    const err = fieldErrors[name];
    labels[name] = { id, label };
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{label}</label>
        {input({ id, ...(err ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}) })}
        {err && (
          <span className="field-error" id={`${id}-error`}>
            {err}
          </span>
        )}
      </div>
    );
  };

  const codeSelect = (name: 'legalForm' | 'organisationalStructure', kind: VocabKind) => {
    const current = initial[name];
    const options = vocab.options(kind);
    if (current && !options.some(([c]) => c === current)) options.unshift([current, vocab.label(kind, current)]);
    return field(name, name === 'legalForm' ? t('legalForm') : t('structure'), (p) => (
      <select name={name} defaultValue={current ?? ''} {...p}>
        <option value="">{tp('notSet')}</option>
        {options.map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
    ));
  };

  const codeChecks = (name: 'activities' | 'qualifiers', kind: VocabKind, legend: string) => {
    const current = initial[name] ?? [];
    const options = vocab.options(kind, current);
    for (const c of current) if (!options.some(([code]) => code === c)) options.push([c, vocab.label(kind, c)]);
    return (
      <fieldset className="checks">
        <legend>{legend}</legend>
        <div className="check-grid">
          {options.map(([code, label]) => (
            <label key={code} className="check" title={label}>
              <input type="checkbox" name={name} value={code} defaultChecked={current.includes(code)} />
              <span>{shortLabel(label, code)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  };

  return (
    <form className="form enterprise-form" onSubmit={submit} noValidate aria-label={tp('edit')}>
      {field('name', t('name'), (p) => <input name="name" defaultValue={initial.name} maxLength={500} required {...p} />)}
      <label className="check">
        <input type="checkbox" name="solidarity" defaultChecked={initial.solidarity} />
        {t('isSolidarity')}
      </label>
      {field('description', t('description'), (p) => <textarea name="description" rows={3} defaultValue={initial.description ?? ''} {...p} />)}
      <div className="row">
        {codeSelect('legalForm', 'legalForm')}
        {codeSelect('organisationalStructure', 'structure')}
      </div>
      {codeChecks('activities', 'activity', t('activities'))}
      {codeChecks('qualifiers', 'qualifier', t('qualifiers'))}
      <div className="row">
        {field('street', tp('street'), (p) => <input name="street" defaultValue={initial.street ?? ''} {...p} />)}
        {field('locality', t('locality'), (p) => <input name="locality" defaultValue={initial.locality ?? ''} {...p} />)}
        {field('region', t('region'), (p) => <input name="region" defaultValue={initial.region ?? ''} {...p} />)}
      </div>
      <div className="row">
        {field('postcode', tp('postcode'), (p) => <input name="postcode" defaultValue={initial.postcode ?? ''} {...p} />)}
        {field('country', tp('countryCode'), (p) => <input name="country" defaultValue={initial.country ?? ''} maxLength={3} {...p} />)}
        {field('lat', t('lat'), (p) => <input name="lat" inputMode="decimal" defaultValue={initial.lat ?? ''} {...p} />)}
        {field('lon', t('lon'), (p) => <input name="lon" inputMode="decimal" defaultValue={initial.lon ?? ''} {...p} />)}
      </div>
      <div className="row">
        {field('website', t('website'), (p) => <input name="website" type="url" defaultValue={initial.website ?? ''} {...p} />)}
        {field('email', t('email'), (p) => <input name="email" type="email" defaultValue={initial.email ?? ''} {...p} />)}
        {field('phone', t('phone'), (p) => <input name="phone" type="tel" defaultValue={initial.phone ?? ''} {...p} />)}
      </div>
      <div className="row">
        {field('networks', `${t('networks')} — ${tp('listHint')}`, (p) => <input name="networks" defaultValue={(initial.networks ?? []).join(', ')} {...p} />)}
      </div>
      {field('source', tp('sourceField'), (p) => <input name="source" defaultValue={initial.source ?? ''} {...p} />)}
      <fieldset className="checks">
        <legend>{t('criteria')}</legend>
        <p className="muted small">{tp('criteriaHint')}</p>
        <div className="row">
          {CRITERIA.map((c) =>
            field(`criteria.${c}`, tp(c), (p) => (
              <input
                name={`criteria.${c}`}
                inputMode="decimal"
                placeholder={t('unknown')}
                defaultValue={initial.criteria?.[c] === undefined ? '' : number(initial.criteria[c])}
                {...p}
              />
            )),
          )}
        </div>
      </fieldset>
      {error && (
        <div className="form-error" role="alert">
          {Object.keys(fieldErrors).length ? (
            <>
              <p className="error">{tp('invalidForm')}</p>
              <ul>
                {Object.entries(fieldErrors).map(([name, message]) => (
                  <li key={name}>
                    {labels[name] ? <a href={`#${labels[name].id}`}>{labels[name].label}</a> : name}: {message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="error">{error}</p>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** Some vocabularies give a paragraph as the label (qualifiers); a checkbox shows the code then. */
function shortLabel(label: string, code: string): string {
  return label.length > 60 ? code : label;
}
