import { useState } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useVocab } from '../../components/vocab.ts';

const messages = defineMessages('home.toClassify', {
  title: [],
  lead: ['count'],
  leadOne: [],
  select: [],
  selectPage: [],
  name: [],
  place: [],
  structure: [],
  markYes: [],
  markNo: [],
  selected: ['count'],
  done: ['count'],
  more: ['count'],
  previous: [],
  inDirectory: [],
});

const pageSize = 50;

/**
 * The Overview's list of enterprises an import left undecided, with bulk decisions: the
 * person ticks rows (or a whole page) and says solidarity or not; the list refreshes from the
 * catalogue-changed event the decision sends.
 */
export function ToClassify() {
  const t = useMessages(messages);
  const { number } = useI18n();
  const vocab = useVocab();
  const [offset, setOffset] = useState(0);
  const list = useQuery('enterprise-unclassified', { offset, limit: pageSize });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = list.data;
  if (!data || data.total === 0) return <ErrorNote error={list.error} />;
  const items = data.items;
  const allOnPage = items.length > 0 && items.every((e) => selected.has(e.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const decide = async (solidarity: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('enterprise-classify', { ids: [...selected], solidarity });
      setSelected(new Set());
      setStatus(t('done', { count: number(r.updated) }));
      // Decided rows leave the list: stay on a page that still exists.
      if (offset >= data.total - r.updated) setOffset(Math.max(0, offset - pageSize));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const place = (e: (typeof items)[number]) => [e.locality, e.region, e.country].filter(Boolean).join(', ');
  const kind = (e: (typeof items)[number]) => (e.organisationalStructure ? vocab.label('structure', e.organisationalStructure) : (e.legalForm ?? ''));
  return (
    <section className="to-classify" aria-labelledby="to-classify-heading">
      <h2 id="to-classify-heading">
        {t('title')} <span className="muted" data-testid="to-classify-count">({number(data.total)})</span>
      </h2>
      <p>{data.total === 1 ? t('leadOne') : t('lead', { count: number(data.total) })}</p>
      <div className="actions">
        <button type="button" disabled={busy || selected.size === 0} onClick={() => void decide(true)}>{t('markYes')}</button>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => void decide(false)}>{t('markNo')}</button>
        <span className="muted" role="status">{selected.size > 0 ? t('selected', { count: number(selected.size) }) : status}</span>
      </div>
      <ErrorNote error={error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={t('selectPage')}
                checked={allOnPage}
                onChange={() => setSelected((s) => {
                  const next = new Set(s);
                  for (const e of items) if (allOnPage) next.delete(e.id); else next.add(e.id);
                  return next;
                })}
              />
            </th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('place')}</th>
            <th scope="col">{t('structure')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td><input type="checkbox" aria-label={`${t('select')} ${e.name}`} checked={selected.has(e.id)} onChange={() => toggle(e.id)} /></td>
              <td><Link to={`/enterprise/${encodeURIComponent(e.id)}`}>{e.name}</Link></td>
              <td>{place(e)}</td>
              <td>{kind(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {offset > 0 && <button type="button" onClick={() => setOffset(Math.max(0, offset - pageSize))}>{t('previous')}</button>}
        {offset + pageSize < data.total && (
          <button type="button" onClick={() => setOffset(offset + pageSize)}>{t('more', { count: number(Math.min(pageSize, data.total - offset - pageSize)) })}</button>
        )}
        <Link to="/directory?sol=unknown">{t('inDirectory')}</Link>
      </div>
    </section>
  );
}
