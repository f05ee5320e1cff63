import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMessages } from '../../i18n/index.tsx';
import { Link, useRoute } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { useCountryName, useVocab } from '../../components/vocab.ts';
import type { DirectoryFilters as Filters, DirectorySortKey } from '../../../../shared/contract/directory.ts';
import { enterpriseMessages } from './messages.ts';
import { directoryMessages } from './directory-messages.ts';
import { hasFilters, queryFromView, viewFromQuery, type DirectoryView } from './directory-state.ts';
import { useDirectoryWindow } from './useDirectoryWindow.ts';
import { DirectoryFilters } from './DirectoryFilters.tsx';
import { NetworkBulkBar } from '../chains/NetworkBulkBar.tsx';
import { SelectCell, SelectHeader } from '../chains/SelectCells.tsx';
import { useCatalogueEmpty } from '../../components/EmptyCatalogue.tsx';
import { ChainLinks } from '../chains/ChainLinks.tsx';
import { AcceptBulkBar, CurrencyListLink } from '../currencies/index.ts';

/** Every row has the same height (text is cut with an ellipsis), so the virtualiser's sums are exact. */
const rowHeight = 41;

export default function DirectoryPage() {
  // An empty catalogue: the shell's note says what to do; an empty table and filters would not.
  const empty = useCatalogueEmpty();
  const t = useMessages(enterpriseMessages);
  const td = useMessages(directoryMessages);
  const vocab = useVocab();
  const country = useCountryName();
  const { query, navigate } = useRoute();
  const queryString = query.toString();
  const view = useMemo(() => viewFromQuery(new URLSearchParams(queryString)), [queryString]);
  const win = useDirectoryWindow(view);
  // Enterprises ticked for a bulk action (kept across scrolling and filtering).
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const total = win.total ?? 0;

  // The view lives in the address (replace: filtering is not a new page in the history).
  const setView = useCallback((next: DirectoryView) => navigate(`/directory${queryFromView(next)}`, { replace: true }), [navigate]);
  const setFilters = useCallback((filters: Filters) => setView({ ...view, filters }), [setView, view]);
  const sortBy = (by: DirectorySortKey) =>
    setView({ ...view, sort: { by, dir: view.sort.by === by && view.sort.dir === 'asc' ? 'desc' : 'asc' } });

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    // A small catalogue is drawn whole (so find-in-page sees every row); a big one a window at a time.
    overscan: total <= 200 ? total : 25,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = win;
  useEffect(() => ensure(first, last), [ensure, first, last]);
  // A new filter or order shows its first rows, not the middle of the old list.
  const viewKey = JSON.stringify(view);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [viewKey]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));

  const sortHeader = (by: DirectorySortKey, label: string, className?: string) => {
    const active = view.sort.by === by;
    return (
      <th scope="col" className={className} aria-sort={active ? (view.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => sortBy(by)} title={td('sortBy', { column: label })}>
          {label}
          <span aria-hidden="true" className={active ? 'sort-arrow active' : 'sort-arrow'}>
            {active ? (view.sort.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="directory">
      <div className="page-head">
        <h1>{t('directory')}</h1>
        <div className="actions">
          <ChainLinks />
          <CurrencyListLink />
          <Link className="button" to={`/map${queryFromView({ ...view, sort: { by: 'name', dir: 'asc' } })}`}>
            {td('showMap')}
          </Link>
          <Link className="button primary" to="/enterprise/new">
            {t('add')}
          </Link>
        </div>
      </div>
      {!empty && (
      <>
      <DirectoryFilters filters={view.filters} onChange={setFilters} />
      <div className="directory-status">
        <p aria-live="polite" className="muted">
          {win.total === null
            ? td('loadingRow')
            : hasFilters(view.filters)
              ? total === 1
                ? td('matchingOne')
                : td('matching', { count: total })
              : total === 1
                ? td('countOne')
                : t('count', { count: total })}
        </p>
        {hasFilters(view.filters) && (
          <button type="button" onClick={() => setFilters({})}>
            {td('clear')}
          </button>
        )}
      </div>
      <ErrorNote error={win.error} />
      <NetworkBulkBar selected={[...selected]} onClear={() => setSelected(new Set())} />
      <AcceptBulkBar selected={[...selected]} />
      <div className="directory-scroll" ref={scroller} role="region" aria-label={td('tableLabel')} tabIndex={0}>
        <table className="table directory-table" aria-rowcount={total + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <SelectHeader ids={items.map((i) => win.row(i.index)?.id).filter((id): id is string => Boolean(id))} selected={selected} onChange={setSelected} />
              {sortHeader('name', t('name'), 'col-name')}
              {sortHeader('locality', td('place'), 'col-place')}
              {sortHeader('country', td('country'), 'col-country')}
              {sortHeader('structure', td('structure'), 'col-structure')}
              {sortHeader('solidarity', t('status'), 'col-status')}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={6} style={{ height: paddingTop }} />
              </tr>
            )}
            {items.map((item) => {
              const e = win.row(item.index);
              if (!e) {
                return (
                  <tr key={`loading-${item.index}`} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                    <td colSpan={6} className="muted">
                      {td('loadingRow')}
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={e.id} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                  <SelectCell id={e.id} name={e.name} selected={selected} onChange={setSelected} />
                  <td className="col-name" title={e.name}>
                    <Link to={`/enterprise/${encodeURIComponent(e.id)}`}>{e.name}</Link>
                  </td>
                  {/* Cells cut long text with an ellipsis (fixed row height); the title shows it whole. */}
                  <td className="col-place" title={[e.locality, e.region].filter(Boolean).join(', ')}>
                    {[e.locality, e.region].filter(Boolean).join(', ')}
                  </td>
                  <td className="col-country" title={e.country ? country(e.country) : undefined}>
                    {e.country ? country(e.country) : ''}
                  </td>
                  <td className="col-structure" title={e.organisationalStructure ? vocab.label('structure', e.organisationalStructure) : undefined}>
                    {e.organisationalStructure ? vocab.label('structure', e.organisationalStructure) : ''}
                  </td>
                  <td className="col-status">
                    <SolidarityBadge solidarity={e.solidarity} />
                  </td>
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={6} style={{ height: paddingBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {win.total === 0 && <p className="empty-note">{td('none')}</p>}
      </div>
      <p className="muted small">{td('shareHint')}</p>
      </>
      )}
    </section>
  );
}
