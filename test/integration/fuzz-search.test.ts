import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core.ts';

/**
 * Search input is text, never syntax: FTS5 operators, quotes, stars, column filters, control
 * characters and very long strings return results or nothing, never an error — through the
 * same door (dispatch) the window and the browser use.
 */
const t = testCore();
afterAll(() => t.close());
const runs = process.env.TEIA_STRESS === '1' ? 5000 : 500;

const hostile = [
  '"', '""', '"cooperativa', 'AND(', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(a b, 2)', 'a NEAR/3 b', '*', '**', 'a*', '*a', '-', '--', '-cafe',
  '^', 'name:', 'name:cafe', '{name}: x', '(', ')', '()', '[', ']', "'", "' OR 1=1 --", '; DROP TABLE enterprises;', '\\', '%', '_', '+', ':',
  '\u0000', '\uFEFF', '\u202E', '🐝', 'ﬁ', 'İ', 'ß', 'ǅ', '<img src=x onerror=alert(1)>', 'x'.repeat(10_000), 'a '.repeat(5_000), '"a" AND "b" OR NOT "c"',
];

describe('search-query with hostile text', () => {
  it('answers every listed hostile query', async () => {
    for (const q of hostile) {
      const r = await t.core.dispatch('search-query', { q });
      expect(r.ok, `q = ${JSON.stringify(q.slice(0, 40))}: ${JSON.stringify(r)}`).toBe(true);
    }
  });

  it('answers any generated text, alone or mixed with FTS5 syntax', async () => {
    const piece = fc.oneof(fc.constantFrom(...hostile.filter((h) => h.length < 50)), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 6 }), fc.constantFrom(' ', '', '\t', '\n'), async (parts, sep) => {
        const q = parts.join(sep);
        for (const method of ['search-query', 'search-offers'] as const) {
          const input = method === 'search-query' ? { q } : { product: q || 'x' };
          const r = await t.core.dispatch(method, input);
          if (!r.ok) {
            // A product that does not exist is a plain "not found"; anything else is a failure.
            expect(r.error.code, `${method} ${JSON.stringify(q)}: ${r.error.message}`).toBe('not-found');
            expect(method).toBe('search-offers');
          }
        }
      }),
      { numRuns: runs },
    );
  });
});
