/**
 * Compares an engine result with an expected one as ENGINE.md §4 says: same field names, same
 * list order, same nulls, numbers within a relative tolerance (1e-6). Returns the differences
 * as readable paths (empty = equal). `skip` names paths compared by the caller instead (the
 * plan's changes, where any optimum is right).
 */
export function compareResults(actual: unknown, expected: unknown, opts: { rel?: number; skip?: string[] } = {}): string[] {
  const rel = opts.rel ?? 1e-6;
  const diffs: string[] = [];
  const walk = (a: unknown, e: unknown, path: string) => {
    if (opts.skip?.includes(path)) return;
    if (typeof e === 'number' && typeof a === 'number') {
      const scale = Math.max(Math.abs(a), Math.abs(e));
      if (Math.abs(a - e) > rel * scale && Math.abs(a - e) > 1e-12) diffs.push(`${path}: ${a} ≠ ${e}`);
      return;
    }
    if (e === null || typeof e !== 'object') {
      if (a !== e) diffs.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(e)}`);
      return;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) return void diffs.push(`${path}: not a list`);
      if (a.length !== e.length) diffs.push(`${path}: length ${a.length} ≠ ${e.length}`);
      for (let i = 0; i < Math.min(a.length, e.length); i++) walk(a[i], e[i], `${path}[${i}]`);
      return;
    }
    if (a === null || typeof a !== 'object' || Array.isArray(a)) return void diffs.push(`${path}: not an object`);
    const ak = Object.keys(a as object);
    const ek = Object.keys(e as object);
    if (ak.join(',') !== ek.join(',')) diffs.push(`${path}: keys [${ak.join(',')}] ≠ [${ek.join(',')}]`);
    for (const k of ek) walk((a as Record<string, unknown>)[k], (e as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
  };
  walk(actual, expected, '');
  return diffs;
}
