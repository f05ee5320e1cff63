import { describe, expect, it } from 'vitest';
import { hasFilters, queryFromView, viewFromQuery } from '../../renderer/src/features/enterprises/directory-state.ts';
import { directoryFiltersSchema, directorySortSchema } from '../../shared/contract/directory.ts';

describe('the directory view in the address', () => {
  it('round-trips every filter and the sort, and leaves defaults out', () => {
    const view = {
      filters: { solidarity: false, activity: 'ICA10', structure: 'OS60', country: 'BR', region: 'SP', network: 'rede sp', currency: 'ipê', qualifier: 'q01', text: 'café & pão' },
      sort: { by: 'locality' as const, dir: 'desc' as const },
    };
    const q = queryFromView(view);
    expect(viewFromQuery(new URLSearchParams(q.slice(1)))).toEqual(view);
    // What the address gives is what the contract accepts.
    expect(directoryFiltersSchema.parse(view.filters)).toEqual(view.filters);
    expect(queryFromView({ filters: {}, sort: { by: 'name', dir: 'asc' } })).toBe('');
  });

  it('ignores what it does not understand instead of failing the page', () => {
    const v = viewFromQuery(new URLSearchParams('sol=maybe&sort=DROP&dir=sideways&q=%20%20&unknown=1'));
    expect(v).toEqual({ filters: {}, sort: { by: 'name', dir: 'asc' } });
    expect(directorySortSchema.parse(v.sort)).toEqual(v.sort);
    expect(hasFilters(v.filters)).toBe(false);
    expect(hasFilters({ country: 'GB' })).toBe(true);
  });
});
