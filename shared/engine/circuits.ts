import { cmpId, type EngineModel } from './model.ts';

/**
 * §3.7: strongly connected components with more than one enterprise of the flow graph among
 * the scope's members (any flow, valued or not). Iterative Tarjan, so deep chains do not
 * overflow the stack. Each circuit sorted by id; the list sorted.
 */
export function circuits(m: EngineModel, members: number[], isMember: Uint8Array): string[][] {
  const n = m.ent.ids.length;
  // Successors among members: supplier → buyer (the direction money does not matter for SCCs).
  const succ = (v: number): number[] => {
    const out: number[] = [];
    for (const f of m.flows.outOf[v]) {
      const b = m.flows.buyer[f];
      if (isMember[b]) out.push(b);
    }
    return out;
  };
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of members) {
    if (index[root] !== -1) continue;
    const work: { v: number; next: number[]; i: number }[] = [{ v: root, next: succ(root), i: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1];
      if (top.i < top.next.length) {
        const w = top.next[top.i++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, next: succ(w), i: 0 });
        } else if (onStack[w]) low[top.v] = Math.min(low[top.v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].v] = Math.min(low[work[work.length - 1].v], low[top.v]);
      if (low[top.v] === index[top.v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== top.v);
        if (comp.length > 1) result.push(comp.map((i) => m.ent.ids[i]).sort(cmpId));
      }
    }
  }
  result.sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = cmpId(a[i], b[i]);
      if (c) return c;
    }
    return a.length - b.length;
  });
  return result;
}
