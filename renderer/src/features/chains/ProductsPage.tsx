import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { languageNames, languages, useI18n, useMessages } from '../../i18n/index.tsx';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { Autocomplete, type Picked } from './Autocomplete.tsx';
import { chainMessages } from './messages.ts';
import './chains.css';

type Product = MethodOutput<'product-list'>['items'][number];
type Open = { id: string; what: 'rename' | 'move' | 'merge' } | null;

/**
 * The product taxonomy edited by hand: add a product, rename it in each language, move it
 * under another (the core refuses a cycle), merge two. Each can be undone.
 */
export default function ProductsPage() {
  const t = useMessages(chainMessages);
  const { lang, number } = useI18n();
  const list = useQuery('product-list', {});
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<(() => Promise<unknown>) | null>(null);
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState<Picked | null>(null);

  const shown = (p: { name: string; names: Record<string, string> }) => p.names[lang] ?? p.name;
  const act = async (run: () => Promise<{ note: string; undo?: () => Promise<unknown> }>) => {
    setError(null);
    try {
      const r = await run();
      setStatus(r.note);
      setUndo(() => r.undo ?? null);
      setOpen(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  /** The update that puts a product back as it was (languages it did not have are cleared). */
  const restore = (prev: { id: string; name: string; names: Record<string, string>; parent: string | null }) => () =>
    call('product-update', {
      id: prev.id,
      name: prev.name,
      parent: prev.parent,
      names: Object.fromEntries(languages.map((l) => [l, prev.names[l] ?? null])),
    });

  return (
    <section className="products-page">
      <h1>{t('products')}</h1>
      <p className="lead">{t('productsIntro')}</p>
      <form
        className="relation-form"
        aria-label={t('addProduct')}
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await call('product-create', { name: newName, parent: newParent?.id ?? null });
            setNewName('');
            setNewParent(null);
            return { note: t('productAdded') };
          });
        }}
      >
        <div className="fields">
          <label className="field">
            <span>{t('product')}</span>
            <input value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <Autocomplete kind="product" label={t('parent')} value={newParent} onChange={setNewParent} allowCreate={false} />
          <button type="submit" className="primary">
            {t('addProduct')}
          </button>
        </div>
      </form>
      {(status || undo) && (
        <div className="undo-bar" role="status">
          <span>{status}</span>
          {undo && (
            <button
              type="button"
              onClick={() => {
                const u = undo;
                setUndo(null);
                u().then(() => setStatus(t('undone')), (err: unknown) => setError(errorMessage(err)));
              }}
            >
              {t('undo')}
            </button>
          )}
        </div>
      )}
      {(error || list.error) && (
        <p className="error" role="alert">
          {error ?? list.error}
        </p>
      )}
      {/* No product yet: the form above adds the first one (an empty table says nothing more). */}
      {(list.data?.items.length ?? 0) > 0 && (
      <table className="table compact" aria-label={t('products')}>
        <thead>
          <tr>
            <th scope="col">{t('product')}</th>
            {languages.map((l) => (
              <th scope="col" key={l}>
                {languageNames[l]}
              </th>
            ))}
            <th scope="col" className="num">
              {t('uses')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p) =>
            open?.id === p.id ? (
              <tr key={p.id}>
                <td colSpan={languages.length + 3}>
                  <ProductEditor product={p} what={open.what} onCancel={() => setOpen(null)} act={act} restore={restore} />
                </td>
              </tr>
            ) : (
              <tr key={p.id}>
                <td style={{ paddingLeft: `${0.6 + p.depth * 1.2}rem` }}>{p.name}</td>
                {languages.map((l) => (
                  <td key={l}>{l === 'en' ? (p.names.en ?? p.name) : (p.names[l] ?? '')}</td>
                ))}
                <td className="num">{number(p.uses)}</td>
                <td className="row-actions">
                  <button type="button" aria-label={`${t('rename')} ${shown(p)}`} onClick={() => setOpen({ id: p.id, what: 'rename' })}>
                    {t('rename')}
                  </button>
                  <button type="button" aria-label={`${t('move')} ${shown(p)}`} onClick={() => setOpen({ id: p.id, what: 'move' })}>
                    {t('move')}
                  </button>
                  <button type="button" aria-label={`${t('merge')} ${shown(p)}`} onClick={() => setOpen({ id: p.id, what: 'merge' })}>
                    {t('merge')}
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      )}
    </section>
  );
}

function ProductEditor({
  product,
  what,
  onCancel,
  act,
  restore,
}: {
  product: Product;
  what: 'rename' | 'move' | 'merge';
  onCancel(): void;
  act(run: () => Promise<{ note: string; undo?: () => Promise<unknown> }>): Promise<void>;
  restore(prev: Product | MethodOutput<'product-update'>['previous']): () => Promise<unknown>;
}) {
  const t = useMessages(chainMessages);
  const { lang } = useI18n();
  const shown = product.names[lang] ?? product.name;
  const [name, setName] = useState(product.name);
  const [names, setNames] = useState<Record<string, string>>(product.names);
  const [target, setTarget] = useState<Picked | null>(null);
  const label = what === 'rename' ? t('rename') : what === 'move' ? t('move') : t('mergeInto', { name: shown });

  const submit = () =>
    act(async () => {
      if (what === 'rename') {
        const { previous } = await call('product-update', {
          id: product.id,
          name,
          names: Object.fromEntries(languages.map((l) => [l, names[l]?.trim() ? names[l].trim() : null])),
        });
        return { note: t('saved'), undo: restore(previous) };
      }
      if (what === 'move') {
        const { previous } = await call('product-update', { id: product.id, parent: target?.id ?? null });
        return { note: t('saved'), undo: restore(previous) };
      }
      if (!target) throw new Error(t('pickProduct'));
      const r = await call('product-merge', { from: product.id, into: target.id });
      return {
        note: t('mergeDone', { from: shown, into: target.name, offers: r.offers.length, needs: r.needs.length, flows: r.flows.length }),
        undo: () => call('product-unmerge', r),
      };
    });

  return (
    <form
      className="relation-form"
      aria-label={what === 'merge' ? label : `${label} ${product.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <div className="fields">
        {what === 'rename' && (
          <>
            <label className="field">
              <span>{t('product')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            </label>
            {languages.map((l) => (
              <label className="field" key={l}>
                <span>{t('nameIn', { lang: languageNames[l] })}</span>
                <input value={names[l] ?? ''} onChange={(e) => setNames({ ...names, [l]: e.target.value })} />
              </label>
            ))}
          </>
        )}
        {what !== 'rename' && (
          <Autocomplete kind="product" label={what === 'move' ? t('parent') : label} value={target} onChange={setTarget} allowCreate={false} autoFocus />
        )}
        {what === 'move' && <span className="muted small">{t('moveHint')}</span>}
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {what === 'merge' ? t('mergeButton') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
