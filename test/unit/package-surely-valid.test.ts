import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { surelyValid } from '../../electron/core/import/formats/package.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { enterpriseSchema, flowSchema, needSchema, offerSchema } from '../../shared/domain/package.ts';
import { generatePackage } from '../../electron/core/catalogue/generate.ts';

// The quick check may only say yes to what zod accepts; what it says no to goes to zod. So every
// value a field can hold, alone and two at a time, must never get a yes that zod refuses.
const values: unknown[] = [undefined, null, '', 'x', 'e000001', 'a\u0000b', 0, -0, 0.5, 1, 1.5, -1, -1e-9, 90.5, -91, 180.5, Infinity, -Infinity, NaN, true, false, [], ['x'], [''], [1], [{ currency: 'x' }], {}, { a: 1 }, { a: 0.5 }, { a: 1.5 }, { a: -1 }, { a: 'x' }, 1n];

const cases: [string, (item: unknown) => boolean, z.ZodType, Record<string, unknown>][] = [
  [
    'enterprises',
    surelyValid.enterprises!,
    enterpriseSchema,
    { id: 'e1', name: 'Coop A', nickname: 'CA', description: 'd', solidarity: true, criteria: { ecological: 0.5, decent_work: 1 }, legalForm: 'coop', organisationalStructure: 'OS1', activities: ['ICA140'], qualifiers: ['q1'], street: 's', locality: 'Recife', region: 'PE', postcode: '1', country: 'BR', lat: -8.4, lon: -34.9, website: 'https://a.example', email: 'a@a', phone: '1', currencies: ['sol'], networks: ['rede'], source: 'x' },
  ],
  ['flows', surelyValid.flows!, flowSchema, { id: 'f1', supplier: 'a', buyer: 'b', product: 'rice', quantity: 3, value: 12.5, currency: 'BRL', period: '2026' }],
  ['needs', surelyValid.needs!, needSchema, { id: 'n1', enterprise: 'a', product: 'rice', quantity: 3 }],
  ['offers', surelyValid.offers!, offerSchema, { id: 'o1', enterprise: 'a', product: 'rice', capacity: 3, price: 1.2, currency: 'BRL' }],
];

describe('the quick check of offers, needs and flows', () => {
  for (const [kind, quick, schema, base] of cases) {
    it(`${kind}: says yes only to rows the schema accepts, and to the usual valid row`, () => {
      expect(quick(base)).toBe(true);
      expect(schema.safeParse(base).success).toBe(true);
      const fields = [...Object.keys(base), 'certifications', 'extra'];
      let yes = 0;
      let checked = 0;
      const check = (item: unknown) => {
        checked++;
        if (!quick(item)) return;
        yes++;
        expect(schema.safeParse(item).success, JSON.stringify(item, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(true);
      };
      for (const a of fields) {
        for (const va of values) {
          check({ ...base, [a]: va });
          for (const b of fields) if (b !== a) for (const vb of values) check({ ...base, [a]: va, [b]: vb });
        }
      }
      for (const v of values) check(v);
      check([base]);
      // It must also say no often, or it would not be checking anything.
      expect(yes).toBeGreaterThan(0);
      expect(yes).toBeLessThan(checked / 4);
    });
  }

  it('leaves the reason of a bad row to zod, line and all', () => {
    const text = JSON.stringify({
      format: 'teia-package',
      version: 1,
      enterprises: [{ id: 'a', name: 'A', solidarity: true }, { id: 'b', name: 'B', solidarity: false }],
      products: [{ id: 'rice', name: 'Rice' }],
      flows: [
        { supplier: 'a', buyer: 'b', product: 'rice', quantity: 1 },
        { supplier: 'a', buyer: 'b', product: 'rice', quantity: -1 },
        { supplier: 'a', buyer: 7, product: 'rice' },
      ],
    }, null, 1);
    const parsed = parsePackage(new TextEncoder().encode(text));
    expect(parsed.flows).toHaveLength(1);
    expect(parsed.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^quantity: /),
      expect.stringMatching(/^buyer: /),
    ]);
    expect(parsed.rejected[0].line).toBeLessThan(parsed.rejected[1].line);
  });

  it('says yes to every enterprise, flow, offer and need of a generated package', () => {
    const pkg = generatePackage({ enterprises: 300, seed: 3 });
    for (const e of pkg.enterprises!) expect(surelyValid.enterprises!(e) || e.currencies?.some((a) => typeof a !== 'string')).toBe(true);
    for (const f of pkg.flows!) expect(surelyValid.flows!(f)).toBe(true);
    for (const o of pkg.offers!) expect(surelyValid.offers!(o) || o.certifications !== undefined).toBe(true);
    for (const n of pkg.needs!) expect(surelyValid.needs!(n)).toBe(true);
  });
});
