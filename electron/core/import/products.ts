import type { Db } from '../db/open.ts';
import type { Product } from '../../../shared/domain/package.ts';
import type { RejectedRow, Sourced } from './types.ts';
import { said } from '../../../shared/contract/errors.ts';

export interface CheckedProducts {
  accepted: Sourced<Product>[];
  rejected: RejectedRow[];
  /** Product ids an offer, need or flow may name: the catalogue's and the accepted ones. */
  known: Set<string>;
}

/**
 * Products form a forest: each parent must exist (in the file or the catalogue) and following
 * parents must end, not loop. A product that fails is rejected with the reason; so is one
 * whose parent was rejected, since the taxonomy would otherwise hang from nothing.
 */
export function checkProducts(db: Db, products: Sourced<Product>[]): CheckedProducts {
  const catalogue = new Map<string, string | null>(
    (db.prepare('SELECT id, parent FROM products').raw().all() as [string, string | null][]).map(([id, parent]) => [id, parent]),
  );
  const rejected: RejectedRow[] = [];
  const file = new Map<string, Sourced<Product>>();
  for (const s of products) {
    const earlier = file.get(s.value.id);
    if (earlier) {
      rejected.push({ line: s.line, record: `product "${s.value.id}"`, reason: `The id "${s.value.id}" is already used by the product on line ${earlier.line}.`, ...said({ key: 'row-id-used', args: { id: s.value.id, line: earlier.line } }) });
    } else file.set(s.value.id, s);
  }
  // Why each file product is not usable ('' when it is), filled by walking up each chain once.
  const verdict = new Map<string, string>();
  for (const start of file.keys()) {
    if (verdict.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | null = start;
    let reason = '';
    while (id !== null && file.has(id)) {
      const known = verdict.get(id);
      if (known !== undefined) {
        reason = known === '' ? '' : `ancestor:${id}`;
        break;
      }
      if (onPath.has(id)) {
        reason = `cycle:${[...path.slice(path.indexOf(id)), id].join(' → ')}`;
        break;
      }
      onPath.add(id);
      path.push(id);
      const parent: string | null = file.get(id)!.value.parent ?? null;
      if (parent !== null && !file.has(parent) && !catalogue.has(parent)) {
        reason = `unknown:${parent}`;
        break;
      }
      // Reaching the catalogue ends the walk: its products are already a forest.
      id = parent;
    }
    for (const p of path) if (!verdict.has(p)) verdict.set(p, reason);
  }

  const accepted: Sourced<Product>[] = [];
  const known = new Set(catalogue.keys());
  // The map keeps the file's order, which export gives back.
  for (const s of file.values()) {
    const v = verdict.get(s.value.id) ?? '';
    if (v === '') {
      accepted.push(s);
      known.add(s.value.id);
      continue;
    }
    const [kind, detail] = [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)];
    const reason =
      kind === 'cycle'
        ? `Its chain of parent products loops back on itself (${detail}); the products must form a tree.`
        : kind === 'unknown'
          ? s.value.parent === detail
            ? `Its parent "${detail}" is neither in the file nor in the catalogue.`
            : `An ancestor's parent "${detail}" is neither in the file nor in the catalogue.`
          : `Its parent "${s.value.parent}" could not be imported, so it would hang from nothing.`;
    rejected.push({ line: s.line, record: `product "${s.value.id}"`, reason });
  }
  return { accepted, rejected, known };
}
