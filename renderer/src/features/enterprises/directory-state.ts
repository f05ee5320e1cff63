import { directorySortKeys, type DirectoryFilters, type DirectorySort, type DirectorySortKey } from '../../../../shared/contract/directory.ts';

/** The directory's view as it lives in the address: ?sol=yes&country=BR&sort=locality&dir=desc */
export interface DirectoryView {
  filters: DirectoryFilters;
  sort: DirectorySort;
}

/** Filters that are one code each, named in the address as in the contract. */
export const codeFilters = ['activity', 'structure', 'country', 'region', 'network', 'currency', 'qualifier'] as const;
export type CodeFilter = (typeof codeFilters)[number];

export function viewFromQuery(q: URLSearchParams): DirectoryView {
  const filters: DirectoryFilters = {};
  const sol = q.get('sol');
  if (sol === 'yes' || sol === 'no') filters.solidarity = sol === 'yes';
  else if (sol === 'unknown') filters.classified = false;
  for (const k of codeFilters) {
    const v = q.get(k);
    if (v) filters[k] = v.slice(0, 300);
  }
  const text = q.get('q');
  if (text?.trim()) filters.text = text.slice(0, 200);
  const by = q.get('sort');
  const sort: DirectorySort = {
    by: (directorySortKeys as readonly string[]).includes(by ?? '') ? (by as DirectorySortKey) : 'name',
    dir: q.get('dir') === 'desc' ? 'desc' : 'asc',
  };
  return { filters, sort };
}

/** The inverse of viewFromQuery; defaults are left out so a plain view has a plain address. */
export function queryFromView(v: DirectoryView): string {
  const q = new URLSearchParams();
  if (v.filters.solidarity !== undefined) q.set('sol', v.filters.solidarity ? 'yes' : 'no');
  else if (v.filters.classified === false) q.set('sol', 'unknown');
  for (const k of codeFilters) {
    const value = v.filters[k];
    if (value) q.set(k, value);
  }
  if (v.filters.text) q.set('q', v.filters.text);
  if (v.sort.by !== 'name') q.set('sort', v.sort.by);
  if (v.sort.dir !== 'asc') q.set('dir', v.sort.dir);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function hasFilters(f: DirectoryFilters): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== '');
}
