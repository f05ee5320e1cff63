import { useEffect, useState, type Ref } from 'react';
import { useCombobox } from 'downshift';
import { call, errorMessage } from '../../api/client.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { chainMessages } from './messages.ts';
import './chains.css';

/** A record picked in an autocomplete: what a form keeps. */
export interface Picked {
  id: string;
  name: string;
}

type Item = (Picked & { detail?: string; create?: false }) | { create: true; id: ''; name: string };

/**
 * A combobox over the search index (search-query) for an enterprise or a product, with
 * "Create “…”" as the last choice: the partner or product is created in place (a partner as
 * not yet classified). Downshift gives the WAI-ARIA combobox pattern (arrows, Enter, Escape).
 */
export function Autocomplete({
  kind,
  label,
  value,
  onChange,
  exclude,
  inputRef,
  autoFocus,
  invalid,
  onAdvance,
  allowCreate = true,
}: {
  kind: 'enterprise' | 'product';
  label: string;
  value: Picked | null;
  onChange(v: Picked | null): void;
  /** An id never offered (the enterprise whose page this is). */
  exclude?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  invalid?: boolean;
  /** Called as soon as Enter takes a choice, before a created record exists: the form moves the focus on. */
  onAdvance?(): void;
  /** False where only existing records make sense (the product to move under or merge into). */
  allowCreate?: boolean;
}) {
  const t = useMessages(chainMessages);
  const { lang } = useI18n();
  const [input, setInput] = useState(value?.name ?? '');
  const [hits, setHits] = useState<Item[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  // A value set from outside (a reset after a row is added) shows in the box.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setInput(value?.name ?? '');
  }

  const q = input.trim();
  useEffect(() => {
    if (!q || (value && value.name === input)) return;
    let live = true;
    call('search-query', { q, limit: 8, lang }).then(
      (r) => {
        if (!live) return;
        const found: Item[] =
          kind === 'enterprise'
            ? r.enterprises
                .filter((e) => e.id !== exclude)
                .map((e) => ({ id: e.id, name: e.name, detail: [e.locality, e.country].filter(Boolean).join(', ') }))
            : r.products.map((p) => ({ id: p.id, name: p.name, detail: p.path.join(' › ') }));
        setHits(found);
        setError(null);
      },
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [q, input, kind, lang, exclude, value]);

  const exact = !allowCreate || hits.some((h) => h.name.toLowerCase() === q.toLowerCase());
  const items: Item[] = q && !(value && value.name === input) ? [...hits, ...(exact ? [] : [{ create: true as const, id: '' as const, name: q }])] : [];

  const create = async (name: string) => {
    setCreating(true);
    try {
      const made = kind === 'enterprise' ? await call('partner-create', { name }) : await call('product-create', { name });
      onChange(made);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setCreating(false);
    }
  };

  const choose = (item: Item) => {
    setInput(item.name);
    if (item.create) void create(item.name);
    else onChange({ id: item.id, name: item.name });
  };

  const cb = useCombobox<Item>({
    items,
    inputValue: input,
    selectedItem: null,
    itemToString: (i) => i?.name ?? '',
    // A click on a choice (Enter is taken in onKeyDown, below).
    onSelectedItemChange: ({ selectedItem }) => selectedItem && choose(selectedItem),
    // The first choice is highlighted, so Enter takes it: the fast path when typing a chain.
    defaultHighlightedIndex: 0,
  });

  return (
    <div className="autocomplete">
      <label {...cb.getLabelProps()}>{label}</label>
      <input
        {...cb.getInputProps({
          ref: inputRef,
          // Typing is kept in the same event (downshift's onInputValueChange comes a render
          // later, and fast typing lost letters); typing again drops an earlier pick.
          onChange: (ev) => {
            setInput(ev.currentTarget.value);
            if (value) onChange(null);
          },
          // Enter takes the highlighted choice and moves the focus in the same event, so the
          // next letters typed land in the next box (downshift's own select comes a render later).
          onKeyDown: (ev) => {
            const item = cb.isOpen ? items[cb.highlightedIndex] : undefined;
            if (ev.key !== 'Enter' || !item) return;
            ev.preventDefault();
            (ev.nativeEvent as KeyboardEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
            cb.closeMenu();
            choose(item);
            onAdvance?.();
          },
        })}
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        className={value ? 'picked' : undefined}
        placeholder={kind === 'enterprise' ? t('typeEnterprise') : t('typeProduct')}
      />
      <ul {...cb.getMenuProps()} className={cb.isOpen && items.length ? 'menu open' : 'menu'}>
        {cb.isOpen &&
          items.map((item, index) => (
            <li
              key={item.create ? '+create' : item.id}
              className={[cb.highlightedIndex === index ? 'highlighted' : '', item.create ? 'create' : ''].join(' ')}
              {...cb.getItemProps({ item, index })}
            >
              {item.create ? (
                t(kind === 'enterprise' ? 'createEnterprise' : 'createProduct', { name: item.name })
              ) : (
                <>
                  <span>{item.name}</span>
                  {item.detail && <span className="muted small"> {item.detail}</span>}
                </>
              )}
            </li>
          ))}
      </ul>
      {creating && <span className="muted small">{t('creating')}</span>}
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
