import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { EnterpriseHit, Near } from '../../../shared/contract/search.ts';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Find enterprises and products by name, description, activity, product or place.',
  usage: 'teia search QUERY [--near=LAT,LON] [--limit N] [--lang xx] [--currency ID] [--json] [--db PATH]',
  options: {
    ...dbOption,
    ...jsonOption,
    near: { type: 'string' },
    limit: { type: 'string' },
    lang: { type: 'string' },
    currency: { type: 'string' },
  },
  async run({ values, positionals, stdout }) {
    const q = positionals.join(' ');
    const near = values.near === undefined ? undefined : parseNear(String(values.near));
    const limit = values.limit === undefined ? 20 : parseLimit(String(values.limit));
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false });
    try {
      const result = await core.call('search-query', {
        q,
        near,
        limit,
        lang: values.lang as string | undefined,
        currency: values.currency as string | undefined,
      });
      if (values.json) {
        stdout.write(JSON.stringify(result) + '\n');
        return 0;
      }
      if (result.enterprises.length === 0 && result.products.length === 0) {
        stdout.write(`Nothing matches "${q}".\n`);
        return 0;
      }
      if (result.products.length) {
        stdout.write('Products\n');
        for (const p of result.products) stdout.write(`  ${[...p.path, p.name].join(' › ')}  (${p.id})\n`);
      }
      if (result.enterprises.length) {
        stdout.write(`Enterprises${near ? ` near ${near.lat}, ${near.lon}` : ''}\n`);
        for (const e of result.enterprises) stdout.write(describe(e));
      }
      stdout.write(`(${result.tookMs} ms)\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};

function describe(e: EnterpriseHit): string {
  const place = [e.locality, e.region, e.country].filter(Boolean).join(', ');
  const head = [
    e.solidarity ? '★' : ' ',
    e.name,
    place ? `— ${place}` : '',
    e.distanceKm !== null ? `(${e.distanceKm} km)` : '',
    e.match === 'fuzzy' ? '[close match]' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [`  ${head}  (${e.id})\n`];
  for (const o of e.offers) {
    const price = o.price !== null ? `${o.price}${o.currency ? ' ' + o.currency : ''}` : 'price not given';
    const capacity = o.capacity !== null ? `capacity ${o.capacity}` : 'capacity not given';
    lines.push(`      offers ${o.productName}: ${price}, ${capacity}\n`);
  }
  if (e.currencies.length) lines.push(`      accepts ${e.currencies.join(', ')}\n`);
  return lines.join('');
}

function parseNear(text: string): Near {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  const lat = m ? Number(m[1]) : NaN;
  const lon = m ? Number(m[2]) : NaN;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
    throw new TeiaError('invalid-input', `--near wants latitude,longitude in degrees (e.g. --near -23.55,-46.63), not "${text}".`);
  }
  return { lat, lon };
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new TeiaError('invalid-input', `--limit wants a whole number from 1 to 200, not "${text}".`);
  return n;
}
