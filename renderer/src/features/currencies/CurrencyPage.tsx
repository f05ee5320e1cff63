import { useMemo, useRef, useState, type ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { useMoney } from '../../components/money.ts';
import { CatalogueMap } from '../catalogue/CatalogueMap.tsx';
import type { CurrencyFields, CurrencyPage as PageData, StoredCurrency } from '../../../../shared/contract/currencies.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { currencyMessages } from './messages.ts';
import { useCurrencyError, useCurrencyWords } from './words.ts';
import { CurrencyForm } from './CurrencyForm.tsx';
import { CurrencyCirculation } from './CurrencyCirculation.tsx';
import { ConfirmCurrencyDelete } from './ConfirmCurrencyDelete.tsx';
import './currencies.css';

/** Keyed by id: following a link to another currency starts with a clean page (no stale undo). */
export default function CurrencyPage({ params }: { params: Record<string, string> }) {
  return <CurrencyView key={params.id} id={params.id} />;
}

/** The fields of a stored currency, as currency-update takes them back (the undo of an edit). */
function fieldsOf(c: StoredCurrency): CurrencyFields {
  const f: CurrencyFields = { name: c.name, kind: c.kind ?? 'social-currency' };
  if (c.unit !== null) f.unit = c.unit;
  if (c.rate !== null) f.rate = c.rate;
  if (c.issuer !== null) f.issuer = c.issuer;
  if (c.backing !== null) f.backing = c.backing;
  if (c.description !== null) f.description = c.description;
  if (c.products !== null) f.products = c.products;
  return f;
}

function CurrencyView({ id }: { id: string }) {
  const t = useMessages(currencyMessages);
  const words = useCurrencyWords();
  const sentence = useCurrencyError();
  const [deleted, setDeleted] = useState<MethodOutput<'currency-delete'> | null>(null);
  const q = useQuery('currency-get', deleted ? null : { id });
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<(() => Promise<void>) | null>(null);
  const [confirming, setConfirming] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);

  const save = async (fields: CurrencyFields) => {
    if (!q.data) return;
    const previous = fieldsOf(q.data.currency);
    setSaving(true);
    setError(null);
    try {
      setEditing(false);
      setStatus(t('saved'));
      if (q.data.currency.kind === null) {
        // Accepted before anyone defined it: this defines it (there is no undefined state to go back to).
        await call('currency-create', { id, ...fields });
        setUndo(null);
        return;
      }
      await call('currency-update', { id, ...fields });
      setUndo(() => async () => {
        await call('currency-update', { id, ...previous });
        setStatus(t('undone'));
      });
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (err) {
      setError(sentence(err));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!q.data) return;
    setConfirming(false);
    try {
      const gone = await call('currency-delete', { id, withAcceptances: true });
      setDeleted(gone);
      setStatus(t('deleted', { name: gone.deleted.name, count: gone.acceptances.length }));
      setUndo(() => async () => {
        await call('currency-restore', { currency: gone.deleted, acceptances: gone.acceptances });
        setDeleted(null);
        setStatus(t('restored'));
      });
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (err) {
      setError(sentence(err));
    }
  };

  const runUndo = async () => {
    const u = undo;
    setUndo(null);
    try {
      await u?.();
    } catch (err) {
      setError(sentence(err));
    }
  };

  const undoBar = (status || undo) && (
    <div className="undo-bar" role="status">
      <span>{status}</span>
      {undo && (
        <button type="button" ref={undoButton} onClick={() => void runUndo()}>
          {deleted ? t('restore') : t('undo')}
        </button>
      )}
    </div>
  );

  if (deleted) {
    return (
      <section>
        <h1>{deleted.deleted.name}</h1>
        {undoBar}
        <ErrorNote error={error} />
        <Link to="/currencies">{t('allCurrencies')}</Link>
      </section>
    );
  }
  if (q.error) {
    return (
      <section>
        <ErrorNote error={q.error} />
        <Link to="/currencies">{t('allCurrencies')}</Link>
      </section>
    );
  }
  const page = q.data;
  if (!page) return <p className="muted">{t('loading')}</p>;
  const c = page.currency;

  return (
    <article className="currency-page" data-testid="currency-page" data-currency={c.id}>
      <div className="page-head">
        <div className="title">
          <h1>{c.name}</h1>
          <span className="badge badge-neutral">{words.kind(c.kind)}</span>
        </div>
        {!editing && (
          <div className="actions">
            <Link className="button" to={`/map?currency=${encodeURIComponent(c.id)}`}>
              {t('openMap')}
            </Link>
            <Link className="button" to={`/directory?currency=${encodeURIComponent(c.id)}`}>
              {t('inDirectory')}
            </Link>
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('delete')}
            </button>
          </div>
        )}
      </div>
      {undoBar}
      {editing ? (
        <CurrencyForm
          initial={{ currency: c, issuer: page.issuer, products: (page.products ?? []).map((p) => ({ id: p.id, name: words.product(p) })) }}
          saving={saving}
          error={error}
          onSave={(f) => void save(f)}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
        />
      ) : (
        <>
          <ErrorNote error={error} />
          <CurrencyFacts page={page} />
          <Acceptors page={page} />
          <CurrencyCirculation page={page} />
        </>
      )}
      {confirming && <ConfirmCurrencyDelete name={c.name} count={page.acceptorCount} onConfirm={() => void remove()} onCancel={() => setConfirming(false)} />}
    </article>
  );
}

function CurrencyFacts({ page }: { page: PageData }) {
  const t = useMessages(currencyMessages);
  const words = useCurrencyWords();
  const { money } = useMoney();
  const c = page.currency;
  const fact = (label: string, value: ReactNode, testid?: string) => (
    <div className="fact-row" key={label}>
      <dt>{label}</dt>
      <dd data-testid={testid}>{value}</dd>
    </div>
  );
  return (
    <>
      {c.description && <p className="lead">{c.description}</p>}
      <dl className="facts" data-testid="currency-facts">
        {fact(t('kind'), <>{words.kind(c.kind)} <span className="muted">— {words.explain(c.kind)}</span></>, 'currency-kind')}
        {fact(
          t('issuer'),
          page.issuer ? (
            <>
              <Link to={`/enterprise/${encodeURIComponent(page.issuer.id)}`}>{page.issuer.name}</Link> <SolidarityBadge solidarity={page.issuer.solidarity} />
            </>
          ) : (
            <span className="muted">{t('noIssuer')}</span>
          ),
          'currency-issuer',
        )}
        {c.unit && fact(t('unit'), c.unit)}
        {c.rate !== null && fact(t('rate'), t('rateValue', { unit: c.unit ?? c.name, money: money(c.rate, 2) }))}
        {c.backing && fact(t('backing'), words.backing(c.backing))}
        {fact(t('paysFor'), words.products(page.products), 'currency-pays-for')}
      </dl>
    </>
  );
}

function Acceptors({ page }: { page: PageData }) {
  const t = useMessages(currencyMessages);
  const words = useCurrencyWords();
  const limited = page.products !== null;
  const points = useMemo(
    () => page.acceptors.filter((a) => a.enterprise.lat !== null && a.enterprise.lon !== null).map((a) => ({ lat: a.enterprise.lat!, lon: a.enterprise.lon!, solidarity: a.enterprise.solidarity })),
    [page.acceptors],
  );
  const off = page.acceptors.length - points.length;
  return (
    <section aria-labelledby="where-h">
      <h2 id="where-h">{t('whereTitle')}</h2>
      <p data-testid="acceptor-count">
        {t('whereLead', { count: page.acceptorCount })} {page.truncated && t('truncated', { count: page.acceptors.length })}
      </p>
      {page.acceptors.length > 0 && (
        <div className="currency-where">
          {/* Only what has coordinates is drawn; without any the map is left out rather than drawn empty. */}
          {points.length > 0 && <CatalogueMap points={points} label={t('mapLabel', { name: page.currency.name })} />}
          {off > 0 && <p className="muted small">{t('offMap', { count: off })}</p>}
          <table className="table" data-testid="acceptors">
            <thead>
              <tr>
                <th scope="col">{t('enterprise')}</th>
                <th scope="col">{t('place')}</th>
                <th scope="col">{t('share')}</th>
                <th scope="col">{t('for')}</th>
              </tr>
            </thead>
            <tbody>
              {page.acceptors.map((a) => (
                <tr key={a.enterprise.id} data-enterprise={a.enterprise.id}>
                  <td>
                    <Link to={`/enterprise/${encodeURIComponent(a.enterprise.id)}`}>{a.enterprise.name}</Link> <SolidarityBadge solidarity={a.enterprise.solidarity} />
                  </td>
                  <td>{[a.enterprise.locality, a.enterprise.region].filter(Boolean).join(', ')}</td>
                  <td data-testid="acceptor-share" className={a.share === null ? undefined : 'num'}>
                    {words.share(a.share)}
                  </td>
                  <td data-testid="acceptor-for">
                    {words.products(a.products, limited)}
                    {a.outsideScope && <span className="muted small"> ({t('outsideScope', { name: page.currency.name })})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
