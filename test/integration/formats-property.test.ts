import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Enterprise, TeiaPackage } from '../../shared/domain/package.ts';
import { exportSseCsv } from '../../electron/core/export/sse-csv.ts';
import { exportGeojson } from '../../electron/core/export/geojson.ts';
import { exportGexf } from '../../electron/core/export/gexf.ts';
import { sseCsvParser } from '../../electron/core/import/formats/sse-csv.ts';
import { geojsonParser } from '../../electron/core/import/formats/geojson.ts';
import { loadVocab } from '../../electron/core/catalogue/vocab.ts';

/**
 * Round trips over arbitrary text: what a person can type in a name, a description or an
 * address (quotes, delimiters, new lines, formula starts, accents, emoji) must come back
 * unchanged. Imports trim values and read CRLF as LF, so the generated text is trimmed and
 * has no CR; lists are split on ; | , so list items avoid those.
 */
const textValue = fc
  .string({ unit: fc.constantFrom('a', 'Z', 'ç', 'ã', '€', '😀', ' ', '"', "'", ',', ';', '\n', '=', '+', '-', '@', '<', '&', '0', '.'), minLength: 1, maxLength: 24 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const optionalText = fc.option(textValue, { nil: undefined });
const listItem = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

const enterpriseArb = fc.record(
  {
    name: textValue,
    description: optionalText,
    street: optionalText,
    locality: optionalText,
    phone: optionalText,
    solidarity: fc.boolean(),
    lat: fc.double({ min: -89, max: 89, noNaN: true }).filter((n) => n !== 0),
    lon: fc.double({ min: -179, max: 179, noNaN: true }).filter((n) => n !== 0),
    currencies: fc.option(fc.uniqueArray(listItem, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  },
  { requiredKeys: ['name', 'solidarity'] },
);

function packageOf(records: Partial<Enterprise>[]): TeiaPackage {
  const enterprises = records.map((r, i) => {
    const e: Record<string, unknown> = { id: `e${i + 1}` };
    for (const [k, v] of Object.entries(r)) if (v !== undefined) e[k] = v;
    // A position is both coordinates or none.
    if ((e.lat === undefined) !== (e.lon === undefined)) {
      delete e.lat;
      delete e.lon;
    }
    return e as Enterprise;
  });
  return { format: 'teia-package', version: 1, enterprises };
}

describe('format round trips over arbitrary text', () => {
  const vocab = loadVocab();

  it('SSE CSV export → import gives back the same enterprises', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(enterpriseArb, { minLength: 1, maxLength: 5 }), async (records) => {
        const pkg = packageOf(records);
        const parsed = await sseCsvParser.parse(new TextEncoder().encode(exportSseCsv(pkg, vocab)), {});
        expect(parsed.rejected).toEqual([]);
        expect(parsed.enterprises.map((e) => e.value)).toEqual(pkg.enterprises);
      }),
      { numRuns: 150 },
    );
  });

  it('GeoJSON export → import gives back the same enterprises', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(enterpriseArb, { minLength: 1, maxLength: 5 }), async (records) => {
        const pkg = packageOf(records);
        const parsed = await geojsonParser.parse(new TextEncoder().encode(exportGeojson(pkg)), {});
        expect(parsed.enterprises.map((e) => e.value)).toEqual(pkg.enterprises);
      }),
      { numRuns: 150 },
    );
  });

  it('GEXF never lets a name open a tag, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => {
        const xml = exportGexf({ format: 'teia-package', version: 1, enterprises: [{ id: 'e1', name: name || 'x', solidarity: true }] });
        const node = /<node id="e1" label="([^"]*)">/.exec(xml);
        expect(node).not.toBeNull();
        expect(node![1]).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
        // eslint-disable-next-line no-control-regex -- the point is that none survive
        expect(node![1]).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      }),
      { numRuns: 300 },
    );
  });
});
