import { describe, expect, it } from 'vitest';
import { analyse } from '../../../shared/engine/analyse.ts';
import type { CurrencyFigures } from '../../../shared/engine/types.ts';
import { pkg } from './fixtures.ts';

const run = (p: ReturnType<typeof pkg>, network?: string) => analyse(p, { network, solver: null }).result;
const byId = (list: CurrencyFigures[], id: string) => list.find((c) => c.currency === id)!;

// food > fruit > (apple, pear); bread under food.
const products = [{ id: 'food' }, { id: 'fruit', parent: 'food' }, { id: 'apple', parent: 'fruit' }, { id: 'pear', parent: 'fruit' }, { id: 'bread', parent: 'food' }, { id: 'soap' }];

describe('currencies (ENGINE.md §3.8)', () => {
  it('reads every acceptance form: a plain id, {currency}, {currency, share}, {currency, products}, and all three', () => {
    // Five suppliers, each accepting X in one form, each selling 100 of apple to member b.
    const p = pkg({
      products,
      networks: ['n'],
      currencies: [{ id: 'X', name: 'X', kind: 'social-currency' }],
      enterprises: [
        { id: 'b', networks: ['n'] },
        { id: 's1', currencies: ['X'] },
        { id: 's2', currencies: [{ currency: 'X' }] },
        { id: 's3', currencies: [{ currency: 'X', share: 0.25 }] },
        { id: 's4', currencies: [{ currency: 'X', products: ['fruit'] }] },
        { id: 's5', currencies: [{ currency: 'X', share: 0.5, products: ['pear'] }] },
      ],
      flows: ['s1', 's2', 's3', 's4', 's5'].map((s) => ({ id: `f-${s}`, supplier: s, buyer: 'b', product: 'apple', quantity: 1, value: 100 })),
    });
    const x = byId(run(p, 'n').currencies, 'X');
    // 100 + 100 + 25 + 100 (apple is within fruit) + 0 (s5 takes X for pears only).
    expect(x.payableValue).toBeCloseTo(325, 9);
    expect(x.payableShare).toBeCloseTo(325 / 500, 9);
    expect(x.acceptors).toEqual(['s1', 's2', 's3', 's4', 's5']);
    // s5 has an entry (for other products): it is not a next acceptor.
    expect(x.nextAcceptors).toEqual([]);
    expect(x.members).toEqual([{ enterprise: 'b', spend: 325, earn: 0, payableShare: 0.65, stuck: 0 }]);
  });

  it('gives an accepted but undefined currency kind null, and a defined one nobody accepts an entry too', () => {
    const p = pkg({
      products,
      currencies: [{ id: 'unused', name: 'Unused', kind: 'time-credits' }],
      enterprises: [
        { id: 'b', currencies: ['ghost'] },
        { id: 's', currencies: ['ghost'] },
      ],
      flows: [{ id: 'f', supplier: 's', buyer: 'b', product: 'soap', quantity: 1, value: 40 }],
    });
    const r = run(p).currencies;
    expect(r.map((c) => [c.currency, c.kind])).toEqual([
      ['ghost', null],
      ['unused', 'time-credits'],
    ]);
    const ghost = byId(r, 'ghost');
    expect(ghost.acceptors).toEqual(['b', 's']);
    // Both are members (no network): b spends 40, s earns 40 and spends nothing.
    expect(ghost.stuck).toBe(40);
    expect(ghost.circulation).toBe(0);
    expect(byId(r, 'unused').nextAcceptors).toEqual([{ enterprise: 's', solidarity: false, gain: 40 }]);
  });

  it('limits by share (only the first entry for a currency counts) and sums stuck units and circulation', () => {
    const p = pkg({
      products,
      networks: ['n'],
      currencies: [{ id: 'X', name: 'X', kind: 'mutual-credit' }],
      enterprises: [
        { id: 'a', networks: ['n'], currencies: [{ currency: 'X', share: 0.5 }, 'X'] },
        { id: 'b', networks: ['n'], currencies: ['X'] },
        { id: 'out', currencies: ['X'] },
      ],
      flows: [
        { id: 'f1', supplier: 'a', buyer: 'b', product: 'soap', quantity: 1, value: 200 }, // b spends 100, a earns 100
        { id: 'f2', supplier: 'b', buyer: 'a', product: 'soap', quantity: 1, value: 30 }, // a spends 30, b earns 30
        { id: 'f3', supplier: 'a', buyer: 'out', product: 'soap', quantity: 1, value: 999 }, // to a non-member: earns nothing in scope
        { id: 'f4', supplier: 'out', buyer: 'a', product: 'soap', quantity: 1, value: 10 }, // a spends 10 more
      ],
    });
    const x = byId(run(p, 'n').currencies, 'X');
    expect(x.members).toEqual([
      { enterprise: 'a', spend: 40, earn: 100, payableShare: 1, stuck: 60 },
      { enterprise: 'b', spend: 100, earn: 30, payableShare: 0.5, stuck: 0 },
    ]);
    expect(x.payableValue).toBe(140);
    expect(x.earn).toBe(130);
    expect(x.stuck).toBe(60);
    expect(x.circulation).toBeCloseTo(1 - 60 / 130, 12);
    expect(x.payableShare).toBeCloseTo(140 / 240, 12);
  });

  it("limits by products through the taxonomy: the currency's products and the entry's both apply", () => {
    const p = pkg({
      products,
      networks: ['n'],
      currencies: [{ id: 'V', name: 'Food voucher', kind: 'voucher', products: ['food'] }],
      enterprises: [
        { id: 'b', networks: ['n'] },
        { id: 'bakery', currencies: [{ currency: 'V', products: ['bread'] }] },
        { id: 'grocer', currencies: ['V'] },
        { id: 'shop', solidarity: true },
      ],
      flows: [
        { id: 'f1', supplier: 'bakery', buyer: 'b', product: 'bread', quantity: 1, value: 10 }, // payable
        { id: 'f2', supplier: 'bakery', buyer: 'b', product: 'apple', quantity: 1, value: 20 }, // not: the bakery takes V for bread only
        { id: 'f3', supplier: 'grocer', buyer: 'b', product: 'pear', quantity: 1, value: 30 }, // payable: pear is food
        { id: 'f4', supplier: 'grocer', buyer: 'b', product: 'soap', quantity: 1, value: 40 }, // not: soap is outside the voucher
        { id: 'f5', supplier: 'shop', buyer: 'b', product: 'fruit', quantity: 1, value: 50 }, // shop could accept it: gain 50
        { id: 'f6', supplier: 'shop', buyer: 'b', product: 'soap', quantity: 1, value: 60 }, // outside the voucher: no gain
        { id: 'f7', supplier: 'shop', buyer: 'b', product: 'bread', quantity: 1, value: 0 }, // gain 0 adds nothing
      ],
    });
    const v = byId(run(p, 'n').currencies, 'V');
    expect(v.kind).toBe('voucher');
    expect(v.payableValue).toBe(40);
    expect(v.nextAcceptors).toEqual([{ enterprise: 'shop', solidarity: true, gain: 50 }]);
  });

  it('ranks at most ten next acceptors by gain, ties by id, over valued flows only', () => {
    const suppliers = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const p = pkg({
      products,
      networks: ['n'],
      currencies: [{ id: 'X', name: 'X', kind: 'social-currency' }],
      enterprises: [{ id: 'b', networks: ['n'] }, ...suppliers.map((id) => ({ id })), { id: 'unvalued' }],
      flows: [
        ...suppliers.map((s, i) => ({ id: `f-${s}`, supplier: s, buyer: 'b', product: 'soap', quantity: 1, value: i < 4 ? 5 : 10 + i })),
        { id: 'f-u', supplier: 'unvalued', buyer: 'b', product: 'soap' },
      ],
    });
    const x = byId(run(p, 'n').currencies, 'X');
    expect(x.nextAcceptors.map((a) => a.enterprise)).toEqual(['s11', 's10', 's9', 's8', 's7', 's6', 's5', 's4', 's0', 's1']);
    expect(x.payableShare).toBe(0);
    expect(x.circulation).toBeNull();
  });

  it('answers on an empty scope: no members, nulls where a ratio has no base', () => {
    const p = pkg({
      products,
      networks: ['empty'],
      currencies: [{ id: 'X', name: 'X', kind: 'social-currency' }],
      enterprises: [{ id: 'a', currencies: ['X'] }, { id: 'b' }],
      flows: [{ id: 'f', supplier: 'b', buyer: 'a', product: 'soap', quantity: 1, value: 5 }],
    });
    expect(run(p, 'empty').currencies).toEqual([
      { currency: 'X', kind: 'social-currency', acceptors: ['a'], payableValue: 0, payableShare: null, earn: 0, stuck: 0, circulation: null, members: [], nextAcceptors: [] },
    ]);
  });
});
