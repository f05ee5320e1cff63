import { useQuery } from '../../api/hooks.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ToClassify } from './ToClassify.tsx';

const messages = defineMessages('home.homePage', {
  title: [],
  lead: [],
  enterprises: [],
  solidarity: [],
  products: [],
  offers: [],
  needs: [],
  flows: [],
  networks: [],
  currencies: [],
  next: [],
  find: [],
  importFile: [],
  browse: [],
  add: [],
  catalogue: [],
});

const statKeys = ['enterprises', 'solidarity', 'products', 'offers', 'needs', 'flows', 'networks', 'currencies'] as const;

export default function HomePage() {
  const t = useMessages(messages);
  const { number } = useI18n();
  const stats = useQuery('catalogue-stats', {});
  const info = useQuery('app-info', {});
  const value = (k: (typeof statKeys)[number]) => {
    const s = stats.data;
    if (!s) return '…';
    return number(k === 'solidarity' ? s.solidarityEnterprises : s[k]);
  };
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <ErrorNote error={stats.error} />
      <dl className="stat-grid" aria-label={t('title')}>
        {statKeys.map((k) => (
          <div key={k} className="stat">
            <dt>{t(k)}</dt>
            <dd data-testid={`stat-${k}`}>{value(k)}</dd>
          </div>
        ))}
      </dl>
      <ToClassify />
      <h2>{t('next')}</h2>
      <ul className="link-list">
        <li><Link to="/search">{t('find')}</Link></li>
        <li><Link to="/directory">{t('browse')}</Link></li>
        <li><Link to="/import">{t('importFile')}</Link></li>
        <li><Link to="/enterprise/new">{t('add')}</Link></li>
      </ul>
      {info.data && (
        <p className="muted small">
          {t('catalogue')}: <code>{info.data.databasePath}</code> · Teia {info.data.version}
        </p>
      )}
    </section>
  );
}
