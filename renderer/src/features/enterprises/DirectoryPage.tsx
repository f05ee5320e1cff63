import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link, useRoute } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { enterpriseMessages } from './messages.ts';

const pageSize = 100;

export default function DirectoryPage() {
  const t = useMessages(enterpriseMessages);
  const { number } = useI18n();
  const { query, navigate } = useRoute();
  const page = Math.max(0, Number(query.get('page') ?? 0) || 0);
  const list = useQuery('enterprise-list', { offset: page * pageSize, limit: pageSize });
  const total = list.data?.total ?? 0;
  const go = (p: number) => navigate(`/directory?page=${p}`);
  return (
    <section>
      <div className="page-head">
        <h1>{t('directory')}</h1>
        <Link className="button primary" to="/enterprise/new">{t('add')}</Link>
      </div>
      <p className="muted">{t('count', { count: number(total) })}</p>
      <ErrorNote error={list.error} />
      <table className="table">
        <thead>
          <tr><th scope="col">{t('name')}</th><th scope="col">{t('place')}</th><th scope="col">{t('status')}</th></tr>
        </thead>
        <tbody>
          {list.data?.items.map((e) => (
            <tr key={e.id}>
              <td><Link to={`/enterprise/${encodeURIComponent(e.id)}`}>{e.name}</Link></td>
              <td>{[e.locality, e.region, e.country].filter(Boolean).join(', ')}</td>
              <td><SolidarityBadge solidarity={e.solidarity} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > pageSize && (
        <div className="pager">
          <button type="button" disabled={page === 0} onClick={() => go(page - 1)}>{t('previous')}</button>
          <span>{page + 1} / {Math.ceil(total / pageSize)}</span>
          <button type="button" disabled={(page + 1) * pageSize >= total} onClick={() => go(page + 1)}>{t('next')}</button>
        </div>
      )}
    </section>
  );
}
