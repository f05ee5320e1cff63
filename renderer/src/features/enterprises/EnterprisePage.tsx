import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { CRITERIA } from '../../../../shared/domain/package.ts';
import { enterpriseMessages } from './messages.ts';

export default function EnterprisePage({ params }: { params: Record<string, string> }) {
  const t = useMessages(enterpriseMessages);
  const { number, date } = useI18n();
  const q = useQuery('enterprise-get', { id: params.id });
  if (q.error) {
    return (
      <section>
        <ErrorNote error={q.error} />
        <Link to="/directory">{t('notFoundBack')}</Link>
      </section>
    );
  }
  const e = q.data;
  if (!e) return null;
  const place = [e.street, e.locality, e.region, e.postcode, e.country].filter(Boolean).join(', ');
  return (
    <article>
      <div className="page-head">
        <h1>{e.name}</h1>
        <SolidarityBadge solidarity={e.solidarity} />
      </div>
      {e.description && <p className="lead">{e.description}</p>}
      <dl className="facts">
        {place && (<><dt>{t('address')}</dt><dd>{place}</dd></>)}
        {e.lat !== undefined && e.lon !== undefined && (<><dt>{t('lat')} / {t('lon')}</dt><dd>{number(e.lat)}, {number(e.lon)}</dd></>)}
        {e.legalForm && (<><dt>{t('legalForm')}</dt><dd>{e.legalForm}</dd></>)}
        {e.organisationalStructure && (<><dt>{t('structure')}</dt><dd>{e.organisationalStructure}</dd></>)}
        {e.activities?.length ? (<><dt>{t('activities')}</dt><dd>{e.activities.join(', ')}</dd></>) : null}
        {e.qualifiers?.length ? (<><dt>{t('qualifiers')}</dt><dd>{e.qualifiers.join(', ')}</dd></>) : null}
        {e.currencies?.length ? (<><dt>{t('currencies')}</dt><dd>{e.currencies.join(', ')}</dd></>) : null}
        {e.networks?.length ? (<><dt>{t('networks')}</dt><dd>{e.networks.join(', ')}</dd></>) : null}
        {(e.website || e.email || e.phone) && (<><dt>{t('contacts')}</dt><dd>{[e.website, e.email, e.phone].filter(Boolean).join(' · ')}</dd></>)}
      </dl>
      <h2>{t('criteria')}</h2>
      <dl className="facts">
        {CRITERIA.map((c) => (
          <div key={c} className="fact-row">
            <dt>{c.replace('_', ' ')}</dt>
            <dd>{e.criteria?.[c] === undefined ? <span className="muted">{t('unknown')}</span> : number(e.criteria[c])}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('provenance')}</h2>
      <p className="muted">
        {e.source ? `${t('source')}: ${e.source}. ` : ''}
        {e.importId !== null ? t('imported', { id: e.importId, line: e.sourceRow ?? '?' }) : t('manual')}
        {' · '}{t('created')} {date(e.createdAt)} · {t('updated')} {date(e.updatedAt)}
      </p>
    </article>
  );
}
