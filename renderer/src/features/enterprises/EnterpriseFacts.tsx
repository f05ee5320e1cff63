import { useMemo, type ReactNode } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useCountryName, useVocab, type VocabKind } from '../../components/vocab.ts';
import { VocabNote } from '../../components/VocabNote.tsx';
import { CRITERIA } from '../../../../shared/domain/package.ts';
import { enterpriseMessages } from './messages.ts';
import { pageMessages } from './page-messages.ts';
import type { StoredEnterprise } from './enterprise-record.ts';
import { AcceptedCurrencies } from '../currencies/AcceptedCurrencies.tsx';

function vocabCodes(e: StoredEnterprise): [VocabKind, string | undefined][] {
  return [
    ['structure', e.organisationalStructure],
    ['legalForm', e.legalForm],
    ...(e.activities ?? []).map((c): [VocabKind, string] => ['activity', c]),
    ...(e.qualifiers ?? []).map((c): [VocabKind, string] => ['qualifier', c]),
  ];
}

/** Everything recorded about an enterprise, vocabulary codes shown as labels in the chosen language. */
export function EnterpriseFacts({ e }: { e: StoredEnterprise }) {
  const t = useMessages(enterpriseMessages);
  const tp = useMessages(pageMessages);
  const { number, date } = useI18n();
  const vocab = useVocab();
  const country = useCountryName();
  // Networks are stored as ids ("rede-sp"); a person reads their names.
  const networkList = useQuery('network-list', {}).data?.networks;
  const networkNames = useMemo(() => new Map((networkList ?? []).map((n) => [n.id, n.name])), [networkList]);
  const place = [e.street, e.locality, e.region, e.postcode, e.country].filter(Boolean).join(', ');
  const fact = (label: string, value: ReactNode) => (
    <div className="fact-row" key={label}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const codes = (list: string[], kind: 'activity' | 'qualifier') => (
    <ul className="tags">
      {list.map((c) => {
        const label = vocab.label(kind, c);
        return (
          <li key={c} title={label !== c ? `${c}: ${label}` : undefined}>
            {label.length > 60 ? c : label}
          </li>
        );
      })}
    </ul>
  );
  const link = (href: string, text: string) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {text}
    </a>
  );
  const website = e.website && /^https?:\/\//i.test(e.website) ? link(e.website, e.website) : e.website;
  return (
    <>
      <dl className="facts">
        {place && fact(t('address'), <>{place}{e.country && /^[A-Z]{2}$/.test(e.country) ? <span className="muted"> ({country(e.country)})</span> : null}</>)}
        {e.lat !== undefined && e.lon !== undefined && fact(`${t('lat')} / ${t('lon')}`, `${number(e.lat, { maximumFractionDigits: 5 })}, ${number(e.lon, { maximumFractionDigits: 5 })}`)}
        {e.legalForm && fact(t('legalForm'), vocab.label('legalForm', e.legalForm))}
        {e.organisationalStructure && fact(t('structure'), vocab.label('structure', e.organisationalStructure))}
        {e.activities?.length ? fact(t('activities'), codes(e.activities, 'activity')) : null}
        {e.qualifiers?.length ? fact(t('qualifiers'), codes(e.qualifiers, 'qualifier')) : null}
        {e.currencies?.length ? fact(t('currencies'), <AcceptedCurrencies list={e.currencies} />) : null}
        {e.networks?.length ? fact(t('networks'), e.networks.map((n) => networkNames.get(n) ?? n).join(', ')) : null}
        {website && fact(t('website'), website)}
        {e.email && fact(t('email'), link(`mailto:${e.email}`, e.email))}
        {e.phone && fact(t('phone'), e.phone)}
      </dl>
      <VocabNote vocab={vocab} codes={vocabCodes(e)} />
      <h2>{t('criteria')}</h2>
      <dl className="facts criteria">
        {CRITERIA.map((c) => {
          const v = e.criteria?.[c];
          return fact(
            tp(c),
            v === undefined ? (
              <span className="unknown">{t('unknown')}</span>
            ) : (
              <span className="meter">
                <meter min={0} max={1} value={v} aria-hidden="true" /> {number(v, { maximumFractionDigits: 2 })}
              </span>
            ),
          );
        })}
      </dl>
      <h2>{t('provenance')}</h2>
      <dl className="facts">
        {e.source && fact(t('source'), e.source)}
        {fact(tp('origin'), e.importId !== null ? t('imported', { id: e.importId, line: e.sourceRow ?? '?' }) : t('manual'))}
        {fact(t('created'), date(e.createdAt))}
        {fact(t('updated'), date(e.updatedAt))}
      </dl>
    </>
  );
}
