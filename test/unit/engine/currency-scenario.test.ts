import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, scopeMembers } from '../../../shared/engine/analyse.ts';
import { buildModel } from '../../../shared/engine/model.ts';
import { resolveSettings } from '../../../shared/engine/settings.ts';
import { applyAcceptances, checkAcceptances } from '../../../shared/engine/currency-scenario.ts';
import { shopPayable } from '../../../shared/engine/currency-purchases.ts';
import { compareScenario } from '../../../shared/engine/scenario.ts';
import type { TeiaPackage } from '../../../shared/domain/package.ts';
import { pkg } from './fixtures.ts';

// food > bread; tools apart. Three members: shop a, b (takes half in sampa), c (takes nothing yet).
const tiny = () =>
  pkg({
    products: [{ id: 'food' }, { id: 'bread', parent: 'food' }, { id: 'tools' }],
    networks: ['n'],
    currencies: [
      { id: 'sampa', name: 'Sampa', kind: 'social-currency' },
      { id: 'vale', name: 'Vale', kind: 'voucher', products: ['food'] },
    ],
    enterprises: [
      { id: 'a', networks: ['n'], currencies: ['sampa', 'vale'] },
      { id: 'b', networks: ['n'], currencies: [{ currency: 'sampa', share: 0.5 }, 'vale'] },
      { id: 'c', networks: ['n'], currencies: ['vale'] },
    ],
    flows: [
      { id: 'f1', supplier: 'b', buyer: 'a', product: 'bread', quantity: 1, value: 100 },
      { id: 'f2', supplier: 'c', buyer: 'a', product: 'tools', quantity: 1, value: 200 },
      { id: 'f3', supplier: 'a', buyer: 'c', product: 'bread', quantity: 1, value: 40 },
      { id: 'f4', supplier: 'c', buyer: 'b', product: 'tools', quantity: 1, value: 60 },
      { id: 'f5', supplier: 'c', buyer: 'a', product: 'tools', quantity: 1 },
    ],
  });
const sampaOf = (p: TeiaPackage) => analyse(p, { network: 'n', solver: null }).result.currencies.find((c) => c.currency === 'sampa')!;

describe('currency what-if: "if these suppliers accepted Sampa" (ENGINE.md §3.8)', () => {
  it('recomputes payable share, circulation, stuck and next acceptors by the hand-computed figures', () => {
    // Before: spend(a) = 100·0.5 (f1) = 50, spend(c) = 40 (f3, a takes sampa whole), spend(b) = 0 (c takes none).
    // earn(a) = 40, earn(b) = 50, earn(c) = 0; stuck(b) = 50. Valued inflow of members: 100+200+40+60 = 400.
    const before = sampaOf(tiny());
    expect(before.payableValue).toBeCloseTo(90, 9);
    expect(before.payableShare).toBeCloseTo(90 / 400, 9);
    expect(before.stuck).toBeCloseTo(50, 9);
    expect(before.circulation).toBeCloseTo(1 - 50 / 90, 9);
    expect(before.nextAcceptors).toEqual([{ enterprise: 'c', solidarity: false, gain: 260 }]);

    // If c accepted sampa for everything: f2 (200) and f4 (60) become payable.
    // spend(a) = 250, spend(b) = 60, spend(c) = 40; earn(c) = 260 → stuck(c) = 220, stuck(b) = max(0, 50 − 60) = 0.
    const cmp = compareScenario(tiny(), [], { network: 'n', acceptances: [{ currency: 'sampa', enterprises: ['c'] }] });
    const s = cmp.currencies.find((c) => c.currency === 'sampa')!;
    expect(s.before.payableShare).toBeCloseTo(0.225, 9);
    expect(s.after.payableValue).toBeCloseTo(350, 9);
    expect(s.after.payableShare).toBeCloseTo(350 / 400, 9);
    expect(s.after.payableShare! - s.before.payableShare!).toBeCloseTo(0.65, 9);
    expect(s.after.stuck).toBeCloseTo(220, 9);
    expect(s.after.circulation).toBeCloseTo(1 - 220 / 350, 9);
    expect(s.after.circulation! - s.before.circulation!).toBeCloseTo(130 / 350 - 40 / 90, 9);
    expect(s.after.acceptors).toBe(s.before.acceptors + 1);
    expect(s.after.nextAcceptors).toEqual([]);
    // The other currency is untouched; the flows too.
    const v = cmp.currencies.find((c) => c.currency === 'vale')!;
    expect(v.after).toEqual(v.before);
    expect(cmp.after.leakage).toEqual(cmp.before.leakage);

    // At share 0.5, half of that gain: payable 90 + 130 = 220.
    const half = compareScenario(tiny(), [], { network: 'n', acceptances: [{ currency: 'sampa', enterprises: ['c'], share: 0.5 }] });
    expect(half.currencies.find((c) => c.currency === 'sampa')!.after.payableValue).toBeCloseTo(220, 9);
  });

  it('limits an acceptance to its products within the taxonomy, and replaces the entry it had', () => {
    // c accepting sampa for food only: c sells tools, so nothing changes, but c is no longer a next acceptor.
    const s = compareScenario(tiny(), [], { network: 'n', acceptances: [{ currency: 'sampa', enterprises: ['c'], products: ['food'] }] }).currencies[0];
    expect(s.after.payableValue).toBeCloseTo(s.before.payableValue, 9);
    expect(s.after.nextAcceptors).toEqual([]);
    // b's half share replaced by the whole price: f1 pays 100, not 50.
    const p = applyAcceptances(tiny(), [{ currency: 'sampa', enterprises: ['b'] }]);
    expect(p.enterprises!.find((e) => e.id === 'b')!.currencies).toEqual(['sampa', 'vale']);
    expect(sampaOf(p).payableValue).toBeCloseTo(140, 9);
    // The recorded package is untouched.
    expect(tiny().enterprises!.find((e) => e.id === 'b')!.currencies).toEqual([{ currency: 'sampa', share: 0.5 }, 'vale']);
  });

  it('says what it cannot apply: unknown currency, enterprise, product, a share outside (0, 1]', () => {
    expect(checkAcceptances(tiny(), [{ currency: 'sampa', enterprises: ['c'], share: 1 }])).toEqual([]);
    const problems = checkAcceptances(tiny(), [
      { currency: 'palmas', enterprises: ['c'] },
      { currency: 'sampa', enterprises: ['zz'], share: 1.5, products: ['shoes'] },
    ]);
    expect(problems).toEqual([
      'There is no currency "palmas" in this catalogue: define it, or pick one of its currencies.',
      'A share is the largest part of a price taken in the currency: above 0 and at most 1 (1.5 was given).',
      'There is no enterprise "zz" in this catalogue.',
      'There is no product "shoes" in this catalogue.',
    ]);
  });
});

describe("a shop's purchases payable in each currency it holds", () => {
  it('lists, per currency, the purchases whose supplier accepts it for that product, the share applied', () => {
    const p = tiny();
    const m = buildModel(p, resolveSettings({}));
    const isMember = new Uint8Array(m.ent.ids.length);
    for (const b of scopeMembers(p, m, 'n')) isMember[b] = 1;
    const a = shopPayable(p, m, m.ent.index.get('a')!, isMember);
    expect(a.purchasesTotal).toBe(300);
    expect(a.unvaluedPurchases).toBe(1);
    expect(a.currencies.map((c) => [c.currency, c.held, c.share])).toEqual([['sampa', true, 1], ['vale', true, 1]]);
    const [sampa, vale] = a.currencies;
    expect(sampa.purchases).toEqual([{ flow: 'f1', supplier: 'b', product: 'bread', value: 100, share: 0.5, payable: 50 }]);
    expect(sampa.spend).toBe(50);
    expect(sampa.payableShare).toBeCloseTo(50 / 300, 12);
    expect(sampa.earn).toBe(40);
    // The voucher pays for food only: c takes it, but for tools it cannot be spent.
    expect(vale.purchases.map((x) => x.flow)).toEqual(['f1']);
    expect(vale.spend).toBe(100);
    // c holds only the voucher; it buys bread from a, which takes both: sampa comes after, as not held.
    const c = shopPayable(p, m, m.ent.index.get('c')!, isMember);
    expect(c.currencies.map((x) => [x.currency, x.held, x.spend, x.earn])).toEqual([['vale', true, 40, 0], ['sampa', false, 40, 0]]);
    // b takes sampa but buys only tools from c, who does not: nothing payable, still listed as held.
    const b = shopPayable(p, m, m.ent.index.get('b')!, isMember);
    expect(b.currencies.find((x) => x.currency === 'sampa')).toMatchObject({ held: true, share: 0.5, spend: 0, earn: 50, stuck: 50, purchases: [] });
  });

  it("adds up to the member's spend and earn of §3.8 for every member of the v1.1 example", () => {
    const spec = path.resolve(import.meta.dirname, '../../../../shared/spec');
    const p = JSON.parse(fs.readFileSync(path.join(spec, 'example-network-v1.1.json'), 'utf8')) as TeiaPackage;
    const a = analyse(p, { network: 'rede-sp', solver: null });
    const isMember = new Uint8Array(a.model.ent.ids.length);
    for (const b of a.members) isMember[b] = 1;
    let checked = 0;
    for (const c of a.result.currencies) {
      for (const row of c.members) {
        const held = shopPayable(p, a.model, a.model.ent.index.get(row.enterprise)!, isMember).currencies.find((x) => x.currency === c.currency)!;
        expect(held).toBeDefined();
        expect(held.spend).toBeCloseTo(row.spend, 9);
        expect(held.earn).toBeCloseTo(row.earn, 9);
        expect(held.stuck).toBeCloseTo(row.stuck, 9);
        expect(held.purchases.reduce((s, x) => s + x.payable, 0)).toBeCloseTo(row.spend, 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });
});
