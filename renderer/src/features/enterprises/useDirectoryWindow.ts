import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorMessage, subscribe } from '../../api/client.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import type { DirectoryView } from './directory-state.ts';

export type DirectoryRow = MethodOutput<'enterprise-query'>['items'][number];

/** Rows fetched per request: one screen plus plenty of scroll in either direction. */
export const pageSize = 100;

interface WindowState {
  /** Which view (filters + sort + catalogue version) these pages belong to. */
  key: string;
  total: number | null;
  pages: Map<number, DirectoryRow[]>;
  error: string | null;
}

/**
 * The directory's rows, fetched a page at a time as the table scrolls (offset windows), so
 * 100,000 enterprises cost the same as 100. `ensure(first, last)` asks for the pages that
 * cover the visible rows; a change of filters or sort starts over; a change in the catalogue
 * refetches the pages in view and keeps showing the old ones until the new arrive.
 */
export function useDirectoryWindow(view: DirectoryView) {
  const [version, setVersion] = useState(0);
  const viewKey = JSON.stringify(view);
  const key = `${viewKey}#${version}`;
  const [state, setState] = useState<WindowState>({ key, total: null, pages: new Map(), error: null });
  const requested = useRef(new Set<string>());
  const range = useRef<[number, number]>([0, 0]);

  useEffect(() => subscribe((e) => e.type === 'catalogue-changed' && setVersion((v) => v + 1)), []);

  const fetchPage = useCallback(
    (page: number) => {
      const id = `${key}@${page}`;
      if (requested.current.has(id)) return;
      requested.current.add(id);
      call('enterprise-query', { ...view, offset: page * pageSize, limit: pageSize }).then(
        (r) =>
          setState((s) => {
            if (s.key !== key && !s.key.startsWith(`${viewKey}#`)) return s; // an answer for a view we left
            const pages = new Map(s.pages);
            pages.set(page, r.items);
            return { key, total: r.total, pages, error: null };
          }),
        (err: unknown) => setState((s) => ({ ...s, error: errorMessage(err) })),
      );
    },
    // view is captured through viewKey/key, which change whenever it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  // A new view starts at the top; a new catalogue version refetches the pages in view.
  const lastView = useRef(viewKey);
  useEffect(() => {
    if (lastView.current !== viewKey) {
      lastView.current = viewKey;
      range.current = [0, 0];
      setState({ key, total: null, pages: new Map(), error: null });
    }
    const [first, last] = range.current;
    const from = Math.floor(first / pageSize);
    const to = Math.max(from, Math.floor(last / pageSize));
    for (let p = from; p <= to; p++) fetchPage(p);
  }, [key, viewKey, fetchPage]);

  const ensure = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) fetchPage(p);
    },
    [fetchPage],
  );

  const sameView = state.key.startsWith(`${viewKey}#`);
  const row = (index: number): DirectoryRow | undefined =>
    sameView ? state.pages.get(Math.floor(index / pageSize))?.[index % pageSize] : undefined;
  return { total: sameView ? state.total : null, row, ensure, error: state.error, loading: !sameView || state.total === null };
}
