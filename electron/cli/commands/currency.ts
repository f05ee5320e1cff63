import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';

const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/**
 * `teia currency`: the currencies, one currency's page (who accepts it, up to what share, for
 * what), or acceptance set in bulk, through the same methods as the window (one transaction each).
 */
export const currencyCommand: Command = {
  name: 'currency',
  summary: 'Lists the currencies, shows one (who accepts it, share, products), or makes enterprises accept it (or no longer).',
  usage: 'teia currency [ID] [--accept E1,E2… [--share 0.5] [--for P1,P2…] | --unaccept E1,E2…] [--db PATH] [--json]',
  options: { ...dbOption, ...jsonOption, accept: { type: 'string' }, unaccept: { type: 'string' }, share: { type: 'string' }, for: { type: 'string' } },
  async run({ values, positionals, stdout }) {
    const [id] = positionals;
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false });
    try {
      if (!id) {
        if (values.accept || values.unaccept) throw new TeiaError('invalid-input', 'Name the currency first: teia currency ID --accept ….');
        const { currencies } = await core.call('currency-list', {});
        if (values.json) stdout.write(JSON.stringify(currencies) + '\n');
        else for (const c of currencies) stdout.write(`${c.id.padEnd(20)} ${c.name} (${c.kind ?? 'kind not recorded'})\n`);
        return 0;
      }
      if (values.accept || values.unaccept) {
        const share = values.share === undefined ? undefined : Number(values.share);
        if (share !== undefined && !Number.isFinite(share)) throw new TeiaError('invalid-input', `--share takes a number in (0, 1], such as 0.5; "${String(values.share)}" is not one.`);
        const r = values.accept
          ? await core.call('currency-accept', { currency: id, enterprises: list(values.accept), ...(share === undefined ? {} : { share }), ...(values.for ? { products: list(values.for) } : {}) })
          : await core.call('currency-unaccept', { currency: id, enterprises: list(values.unaccept) });
        stdout.write(values.json ? JSON.stringify(r) + '\n' : `${r.changed} changed.\n`);
        return 0;
      }
      const page = await core.call('currency-get', { id });
      if (values.json) {
        stdout.write(JSON.stringify(page) + '\n');
        return 0;
      }
      const c = page.currency;
      stdout.write(`${c.name} (${c.id}): ${c.kind ?? 'kind not recorded'}${page.issuer ? `, issued by ${page.issuer.name}` : ''}\n`);
      stdout.write(`Pays for: ${page.products ? page.products.map((p) => p.name).join(', ') : 'anything'}\n`);
      stdout.write(`Accepted by ${page.acceptorCount}:\n`);
      for (const a of page.acceptors) {
        const share = a.share === null ? 'the whole price' : `up to ${Math.round(a.share * 1000) / 10} %`;
        const what = a.products ? a.products.map((p) => p.name).join(', ') : 'everything';
        stdout.write(`  ${a.enterprise.name} (${a.enterprise.id}): ${share}, for ${what}${a.outsideScope ? ' (the currency does not pay for these)' : ''}\n`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
