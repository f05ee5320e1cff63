import type { Analysis } from './analyse.ts';
import { explainLink, formatLinkExplanation } from './explain.ts';

/** The readable `teia analyse` report (without --json). */
export function formatReport(a: Analysis, opts: { explain?: boolean; maxRows?: number } = {}): string {
  const r = a.result;
  const max = opts.maxRows ?? 20;
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const money = (x: number | null) => (x === null ? '—' : x.toLocaleString('en', { maximumFractionDigits: 2 }));
  const lines: string[] = [];
  lines.push(`Scope: ${r.scope.network ? `network ${r.scope.network}` : 'every enterprise'} (${r.scope.members.length} members)`);
  lines.push(`Leakage: ${pct(r.leakage.share)} of ${money(r.leakage.total)} paid to non-solidarity suppliers (${money(r.leakage.value)}; ${money(r.leakage.outsideValue)} outside the scope)`);
  if (r.unvalued.length) lines.push(`Flows with unknown value (left out of value figures): ${r.unvalued.length}`);
  lines.push('', 'Member                          direct   chain');
  for (const id of r.scope.members.slice(0, max)) lines.push(`  ${id.padEnd(30)} ${pct(r.directShare[id]).padStart(6)}  ${pct(r.chainShare[id]).padStart(6)}`);
  if (r.scope.members.length > max) lines.push(`  … and ${r.scope.members.length - max} more`);
  lines.push('', `Non-solidarity links (${r.links.length}), biggest and worst first:`);
  r.links.slice(0, max).forEach((l, i) => {
    lines.push(`  ${l.flow}: ${l.supplier} → ${l.buyer}, ${l.product}, value ${money(l.value)}, priority ${money(l.priority)}; ${l.substitutes.length} substitutes${l.leastBadAlternative ? `; least bad: ${l.leastBadAlternative.enterprise}` : ''}`);
    if (opts.explain) for (const s of formatLinkExplanation(explainLink(a, i))) lines.push(`    ${s}`);
  });
  lines.push('', `Gaps (${r.gaps.length}):`);
  for (const g of r.gaps.slice(0, max)) lines.push(`  ${g.product}: demand ${money(g.demand)}, solidarity supply ${money(g.supply)}, gap ${money(g.gap)}, worth ${money(g.value)}`);
  if (r.plan) {
    const p = r.plan;
    lines.push('', 'Re-sourcing plan (optimal):');
    lines.push(`  solidarity share ${pct(p.shareBefore)} → ${pct(p.shareAfter)}; leakage ${pct(p.leakageBefore)} → ${pct(p.leakageAfter)}; unmet value ${money(p.unmetValue)}`);
    for (const c of p.changes.slice(0, max)) lines.push(`  ${c.line}: ${c.quantity} of ${c.product} for ${c.buyer} from ${c.to}${c.from ? ` instead of ${c.from}` : ' (unmet need)'}`);
    if (p.changes.length > max) lines.push(`  … and ${p.changes.length - max} more changes`);
  }
  lines.push('', `Circuits: ${r.circuits.length ? r.circuits.map((c) => c.join(' ⇄ ')).join('; ') : 'none'}`);
  const s = r.sales;
  lines.push('', `Sales: ${pct(s.share)} of ${money(s.total)} sold to non-solidarity buyers (${money(s.value)}; ${money(s.outsideValue)} outside the scope); ${s.outlets.length} outlets`);
  for (const o of s.outlets.slice(0, max)) lines.push(`  ${o.flow}: ${o.supplier} → ${o.buyer}, ${o.product}, value ${money(o.value)}; could buy instead: ${o.alternatives.map((x) => x.enterprise).join(', ') || 'none'}`);
  if (r.currencies.length) lines.push('', 'Currencies (payable share of purchases, circulation, next to invite):');
  for (const c of r.currencies) {
    const next = c.nextAcceptors.slice(0, 3).map((n) => `${n.enterprise} (+${money(n.gain)})`).join(', ');
    lines.push(`  ${c.currency} (${c.kind ?? 'kind unknown'}): payable ${pct(c.payableShare)}, circulation ${pct(c.circulation)}, stuck ${money(c.stuck)}${next ? `; invite ${next}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
