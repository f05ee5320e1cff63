import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeiaEvent } from '../../shared/contract/index.ts';
import { openCore, type Core } from '../../electron/core/index.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import { packageExporter } from '../../electron/core/export/package.ts';
import { buildProfiles } from '../../electron/core/share/murmurations/profiles.ts';
import { loadVocab } from '../../electron/core/catalogue/vocab.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { murmurationsParser } from '../../electron/core/import/formats/murmurations.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { currencyProblemOf } from '../../shared/domain/currency-problems.ts';
import { tempDir } from '../helpers/tmp.ts';

/** Currencies and acceptances edited by hand (issue 13), through dispatch on a real catalogue file (the sample). */
let tmp: ReturnType<typeof tempDir>;
let core: Core;
let events: TeiaEvent[];
const dbPath = () => path.join(tmp.dir, 'teia.db');
beforeEach(() => {
  tmp = tempDir();
  events = [];
  core = openCore({ dbPath: dbPath(), host: 'server', emit: (e) => events.push(e) });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const refusal = async (method: string, input: unknown) => {
  const r = await core.dispatch(method, input);
  expect(r.ok, `${method} ${JSON.stringify(input)} should be refused`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).not.toBe('internal');
  expect(r.error.message).not.toMatch(/at .*\.ts:\d+|SQLITE/);
  return r.error;
};

/** Everything the catalogue holds of currencies, to compare before and after. */
const snapshot = () => {
  const pkg = readPackage(core.ctx.db);
  return { currencies: pkg.currencies ?? [], accepts: (pkg.enterprises ?? []).map((e) => [e.id, e.currencies ?? []]) };
};

const sampa = { name: 'Sampa', kind: 'social-currency', unit: 'S$', rate: 1, issuer: 'banco-ipe', backing: 'full-reserve', description: 'Um Sampa por real.' } as const;

describe('a currency created, edited and deleted by hand', () => {
  it('creates with an id from its name, refuses a duplicate, and updates with undo', async () => {
    const { currency } = await core.call('currency-create', sampa);
    expect(currency).toMatchObject({ id: 'sampa', name: 'Sampa', kind: 'social-currency', unit: 'S$', rate: 1, issuer: 'banco-ipe', products: null });
    expect(events).toContainEqual({ type: 'catalogue-changed', reason: 'currency-create' });

    const dup = await refusal('currency-create', { ...sampa, name: 'SAMPA' });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toBe('There is already a currency with the id "sampa" (Sampa). Give this one another id, or edit that one.');
    expect(currencyProblemOf(dup.details)).toEqual({ problem: 'duplicate-id', id: 'sampa', name: 'Sampa' });

    const { previous, currency: edited } = await core.call('currency-update', { id: 'sampa', name: 'Sampa', kind: 'voucher', products: ['food', 'food'] });
    expect(previous).toEqual(currency);
    // A field left out is cleared; repeats dropped.
    expect(edited).toMatchObject({ kind: 'voucher', unit: null, rate: null, issuer: null, products: ['food'], position: currency.position });
    // Undo: the previous fields put back.
    const { id, position, ...fields } = previous;
    void position;
    const back = await core.call('currency-update', { id, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) } as never);
    expect(back.currency).toEqual(currency);
  });

  it('says in a sentence what is wrong: a share outside (0, 1], an unknown product or issuer, a product in a loop', async () => {
    await core.call('currency-create', { ...sampa, id: 'sampa' });
    const before = snapshot();

    const share = await refusal('currency-accept', { currency: 'sampa', enterprises: ['armazem'], share: 1.5 });
    expect(share.code).toBe('invalid-input');
    expect(share.message).toMatch(/A share is at most 1 \(the whole price\)/);
    expect((await refusal('currency-accept', { currency: 'sampa', enterprises: ['armazem'], share: 0 })).message).toMatch(/A share is a part of a price above 0/);
    expect((await refusal('enterprise-currencies-set', { enterprise: 'armazem', currencies: [{ currency: 'sampa', share: -0.2 }] })).message).toMatch(/above 0/);

    const product = await refusal('currency-create', { name: 'Vale Pão', kind: 'voucher', products: ['bread', 'brioche'] });
    expect(product.message).toBe('The product "brioche" is not in the catalogue, so nothing could be paid for with it. Pick products from the catalogue’s list.');
    expect(currencyProblemOf(product.details)).toEqual({ problem: 'unknown-product', product: 'brioche' });
    expect(currencyProblemOf((await refusal('currency-accept', { currency: 'sampa', enterprises: ['armazem'], products: ['brioche'] })).details)?.problem).toBe('unknown-product');

    const issuer = await refusal('currency-create', { name: 'Vale Pão', kind: 'voucher', issuer: 'prefeitura' });
    expect(issuer.message).toBe('The issuer "prefeitura" is not an enterprise in this catalogue. Pick the issuer from the enterprises, or add it first.');

    // A loop of broader products, as an older import could leave one.
    core.ctx.db.prepare("INSERT INTO products (id, name, parent) VALUES ('a', 'A', 'b'), ('b', 'B', 'a')").run();
    const cycle = await refusal('currency-create', { name: 'Vale Loop', kind: 'voucher', products: ['bread', 'a'] });
    expect(cycle.message).toBe('The product "a" sits in a loop of broader products (a → b → a), so Teia cannot tell what it covers. Move one of them under another product first.');
    expect(currencyProblemOf(cycle.details)).toEqual({ problem: 'product-cycle', product: 'a', cycle: ['a', 'b', 'a'] });

    const ghost = await refusal('currency-accept', { currency: 'sampa', enterprises: ['armazem', 'nobody'] });
    expect(ghost.message).toBe('One of the chosen enterprises is not in the catalogue ("nobody"); nothing was changed.');
    expect((await refusal('currency-accept', { currency: 'nope', enterprises: ['armazem'] })).message).toBe('There is no currency "nope" in this catalogue. Create it first.');
    // Nothing of any refused call was written, not even the enterprises before the bad one.
    expect(snapshot()).toEqual(before);
  });

  it('sets acceptance in bulk (share and products), then undoes it to exactly what was there', async () => {
    await core.call('currency-create', { ...sampa, id: 'sampa' });
    await core.call('enterprise-currencies-set', { enterprise: 'consumo', currencies: ['ipe', { currency: 'sampa', share: 0.2 }] });
    const before = snapshot();
    const twelve = ['armazem', 'consumo', 'restaurante-sabor', 'padaria-terra', 'costura-linha', 'recicla', 'limpa-bem', 'feira-butanta', 'sitio-bom-retiro', 'horta-parelheiros', 'agro-ribeira', 'terra-livre'];
    const r = await core.call('currency-accept', { currency: 'sampa', enterprises: twelve, share: 0.5, products: ['food'] });
    expect(r.changed).toBe(12);
    expect(r.previous.find((p) => p.enterprise === 'consumo')!.entry).toEqual({ share: 0.2, products: null, position: 1, asObject: true });
    expect(r.previous.filter((p) => p.entry === null)).toHaveLength(11);

    const page = await core.call('currency-get', { id: 'sampa' });
    expect(page.acceptorCount).toBe(12);
    expect(page.issuer).toEqual({ id: 'banco-ipe', name: 'Banco Comunitário Jardim Ipê', solidarity: true });
    const padaria = page.acceptors.find((a) => a.enterprise.id === 'padaria-terra')!;
    expect(padaria.share).toBe(0.5);
    expect(padaria.products!.map((p) => p.id)).toEqual(['food']);
    // Its place in consumo's list is kept (still after "ipe").
    expect(readPackage(core.ctx.db).enterprises!.find((e) => e.id === 'consumo')!.currencies).toEqual(['ipe', { currency: 'sampa', share: 0.5, products: ['food'] }]);
    // The same again changes nothing.
    expect((await core.call('currency-accept', { currency: 'sampa', enterprises: twelve, share: 0.5, products: ['food'] })).changed).toBe(0);

    await core.call('currency-acceptance-restore', { currency: 'sampa', entries: r.previous });
    expect(snapshot()).toEqual(before);

    const off = await core.call('currency-unaccept', { currency: 'sampa', enterprises: ['consumo', 'armazem'] });
    expect(off.changed).toBe(1);
    await core.call('currency-acceptance-restore', { currency: 'sampa', entries: off.previous });
    expect(snapshot()).toEqual(before);
  });

  it('deleting a currency enterprises accept asks first, and its undo puts it and every acceptance back', async () => {
    await core.call('currency-create', { ...sampa, id: 'sampa' });
    await core.call('currency-accept', { currency: 'sampa', enterprises: ['armazem', 'padaria-terra'], share: 0.3 });
    await core.call('enterprise-currencies-set', { enterprise: 'consumo', currencies: [{ currency: 'sampa', products: ['bread'] }, 'ipe'] });
    const before = snapshot();

    const ask = await refusal('currency-delete', { id: 'sampa' });
    expect(ask.message).toBe('3 enterprises accept "Sampa". Deleting it takes their acceptance away too; confirm to delete both.');
    expect(currencyProblemOf(ask.details)).toEqual({ problem: 'accepted', currency: 'sampa', count: 3 });
    expect(snapshot()).toEqual(before);

    const gone = await core.call('currency-delete', { id: 'sampa', withAcceptances: true });
    expect(gone.acceptances.map((a) => a.enterprise)).toEqual(['armazem', 'consumo', 'padaria-terra']);
    expect(snapshot().currencies.some((c) => c.id === 'sampa')).toBe(false);
    expect(readPackage(core.ctx.db).enterprises!.find((e) => e.id === 'consumo')!.currencies).toEqual(['ipe']);
    expect((await refusal('currency-get', { id: 'sampa' })).code).toBe('not-found');

    await core.call('currency-restore', { currency: gone.deleted, acceptances: gone.acceptances });
    expect(snapshot()).toEqual(before);
    expect((await refusal('currency-restore', { currency: gone.deleted, acceptances: [] })).code).toBe('conflict');
  });

  it('defines a currency enterprises accepted before anyone defined it, keeping their acceptances', async () => {
    await core.call('enterprise-currencies-set', { enterprise: 'armazem', currencies: ['ipe'] });
    core.ctx.db.prepare("INSERT INTO currencies (id, name, kind, position) VALUES ('ghost', 'ghost', NULL, 99)").run();
    await core.call('enterprise-currencies-set', { enterprise: 'armazem', currencies: ['ipe', 'ghost'] });
    const { currency } = await core.call('currency-create', { id: 'ghost', name: 'Moeda Fantasma', kind: 'mutual-credit' });
    expect(currency).toMatchObject({ id: 'ghost', kind: 'mutual-credit', position: 99 });
    expect((await core.call('currency-get', { id: 'ghost' })).acceptors.map((a) => a.enterprise.id)).toEqual(['armazem']);
  });
});

describe('an enterprise’s own list of currencies', () => {
  it('is set in order (first entry counts), answers the previous list for undo, and refuses an unknown currency', async () => {
    const before = readPackage(core.ctx.db).enterprises!.find((e) => e.id === 'padaria-terra')!.currencies ?? [];
    const { previous } = await core.call('enterprise-currencies-set', {
      enterprise: 'padaria-terra',
      currencies: [{ currency: 'vale-feira', share: 0.5, products: ['bread'] }, 'ipe', { currency: 'vale-feira', share: 1 }, { currency: 'horas', products: [] }],
    });
    expect(previous).toEqual(before);
    expect(readPackage(core.ctx.db).enterprises!.find((e) => e.id === 'padaria-terra')!.currencies).toEqual([
      { currency: 'vale-feira', share: 0.5, products: ['bread'] },
      'ipe',
      { currency: 'horas' },
    ]);
    const unknown = await refusal('enterprise-currencies-set', { enterprise: 'padaria-terra', currencies: ['ipe', 'sampa'] });
    expect(currencyProblemOf(unknown.details)).toEqual({ problem: 'unknown-currency', currency: 'sampa' });
    await core.call('enterprise-currencies-set', { enterprise: 'padaria-terra', currencies: previous });
    expect(readPackage(core.ctx.db).enterprises!.find((e) => e.id === 'padaria-terra')!.currencies ?? []).toEqual(before);
  });
});

describe('export keeps what was edited', () => {
  it('the package export and the Murmurations profiles each round-trip currencies and acceptances through a fresh catalogue', async () => {
    await core.call('currency-create', { ...sampa, id: 'sampa', products: ['food'] });
    await core.call('currency-create', { id: 'vale-pao', name: 'Vale Pão', kind: 'voucher', issuer: 'consumo', products: ['bread'] });
    await core.call('currency-accept', { currency: 'sampa', enterprises: ['armazem', 'padaria-terra'], share: 0.5, products: ['coffee'] });
    await core.call('currency-accept', { currency: 'vale-pao', enterprises: ['padaria-terra'] });
    const edited = readPackage(core.ctx.db);

    const file = path.join(tmp.dir, 'out.json');
    fs.writeFileSync(file, packageExporter.write(core.ctx.db) as string);

    const other = openDatabase(path.join(tmp.dir, 'other.db'));
    try {
      const report = applyImportSync(other, parsePackage(fs.readFileSync(file)), { fileName: 'out.json' });
      expect(report.rejected).toEqual([]);
      const back = readPackage(other);
      expect(back.currencies).toEqual(edited.currencies);
      expect(back.currencies!.find((c) => c.id === 'sampa')).toEqual({ id: 'sampa', name: 'Sampa', kind: 'social-currency', unit: 'S$', rate: 1, issuer: 'banco-ipe', backing: 'full-reserve', description: 'Um Sampa por real.', products: ['food'] });
      const accepts = (p: typeof back) => Object.fromEntries((p.enterprises ?? []).map((e) => [e.id, e.currencies ?? []]));
      expect(accepts(back)).toEqual(accepts(edited));
      expect(accepts(back)['padaria-terra']).toContainEqual({ currency: 'sampa', share: 0.5, products: ['coffee'] });
    } finally {
      other.close();
    }

    // Murmurations: a complementary_currencies profile per currency, what each organisation accepts on its profile; read back whole.
    const profiles = buildProfiles(edited, 'https://rede.example/', loadVocab());
    const vale = profiles.find((p) => p.kind === 'currency' && p.profile.unique_id === 'vale-pao')!;
    expect(vale.profile).toMatchObject({ linked_schemas: ['complementary_currencies-v2.0.0'], name: 'Vale Pão', teia_currency: { id: 'vale-pao', kind: 'voucher', issuer: 'consumo', products: ['bread'] } });
    const third = openDatabase(path.join(tmp.dir, 'third.db'));
    try {
      const parsed = await murmurationsParser.parse(new TextEncoder().encode(JSON.stringify(profiles.map((p) => p.profile))), {});
      const report = applyImportSync(third, parsed, { fileName: 'profiles.json' });
      expect(report.rejected).toEqual([]);
      const back = readPackage(third);
      expect(back.currencies).toEqual(edited.currencies);
      const accepts = (p: typeof back) => Object.fromEntries((p.enterprises ?? []).filter((e) => e.currencies).map((e) => [e.id, e.currencies]));
      expect(accepts(back)).toEqual(accepts(edited));
    } finally {
      third.close();
    }
  });
});

describe('editing an enterprise’s other fields', () => {
  it('keeps the share and products of what it accepts (enterprise-get reads them, the form sends them back)', async () => {
    await core.call('enterprise-currencies-set', { enterprise: 'padaria-terra', currencies: [{ currency: 'ipe', share: 0.5, products: ['bread'] }, 'horas'] });
    const read = await core.call('enterprise-get', { id: 'padaria-terra' });
    expect(read.currencies).toEqual([{ currency: 'ipe', share: 0.5, products: ['bread'] }, 'horas']);
    await core.call('enterprise-update', { id: 'padaria-terra', changes: { description: 'Pão de fermentação natural' } });
    const { importId, sourceRow, createdAt, updatedAt, classified, id, ...record } = await core.call('enterprise-get', { id: 'padaria-terra' });
    void [importId, sourceRow, createdAt, updatedAt, classified, id];
    await core.call('enterprise-replace', { id: 'padaria-terra', record: { ...record, phone: '+55 11 5555-0000' } });
    expect(readPackage(core.ctx.db).enterprises!.find((e) => e.id === 'padaria-terra')!.currencies).toEqual([{ currency: 'ipe', share: 0.5, products: ['bread'] }, 'horas']);
  });
});

describe('another window on the same catalogue file', () => {
  it('hears that the catalogue changed when acceptances are set in bulk, and reads them', async () => {
    const heard: TeiaEvent[] = [];
    const other = openCore({ dbPath: dbPath(), host: 'server', emit: (e) => heard.push(e) });
    try {
      await core.call('currency-create', { ...sampa, id: 'sampa' });
      await core.call('currency-accept', { currency: 'sampa', enterprises: ['armazem', 'consumo'], share: 0.4 });
      expect(events.filter((e) => e.type === 'catalogue-changed').map((e) => (e as { reason: string }).reason)).toEqual(['currency-create', 'currency-acceptance']);
      await expect.poll(() => heard.some((e) => e.type === 'catalogue-changed' && e.reason === 'another-window'), { timeout: 10_000 }).toBe(true);
      expect((await other.call('currency-get', { id: 'sampa' })).acceptors.map((a) => [a.enterprise.id, a.share])).toEqual([
        ['armazem', 0.4],
        ['consumo', 0.4],
      ]);
    } finally {
      other.close();
    }
  });
});

describe('a voucher taken for products it does not pay for', () => {
  it('is kept, and its page says so (ENGINE.md §3.8: the product must be within both lists)', async () => {
    await core.call('currency-create', { id: 'vale-comida', name: 'Vale Comida', kind: 'voucher', products: ['food'] });
    await core.call('currency-accept', { currency: 'vale-comida', enterprises: ['padaria-terra'], products: ['bread'] });
    await core.call('currency-accept', { currency: 'vale-comida', enterprises: ['limpa-bem'], products: ['liquid-soap'] });
    await core.call('currency-accept', { currency: 'vale-comida', enterprises: ['armazem'] });
    const page = await core.call('currency-get', { id: 'vale-comida' });
    expect(Object.fromEntries(page.acceptors.map((a) => [a.enterprise.id, a.outsideScope]))).toEqual({ 'padaria-terra': false, 'limpa-bem': true, armazem: false });
    expect(page.products!.map((p) => p.id)).toEqual(['food']);
  });
});

describe('search follows an acceptance set by hand at once', () => {
  it('finds, for bread, the bakery made to accept a new currency for bread, and not after undo', async () => {
    await core.call('currency-create', { ...sampa, id: 'sampa' });
    const find = async () => (await core.call('search-query', { q: 'bread', currency: 'sampa', limit: 50 })).enterprises.map((e) => e.id);
    expect(await find()).not.toContain('padaria-terra');
    const r = await core.call('currency-accept', { currency: 'sampa', enterprises: ['padaria-terra'], products: ['bread'] });
    expect(await find()).toContain('padaria-terra');
    await core.call('currency-acceptance-restore', { currency: 'sampa', entries: r.previous });
    expect(await find()).not.toContain('padaria-terra');
  });
});
