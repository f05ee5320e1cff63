// ValueFlows out and back: the export validates against the ValueFlows JSON schemas (the team
// folder's copy), and importing it into an empty catalogue gives back every flow, offer and need.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { teia } from '../helpers/cli.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';
import { openCore } from '../../electron/core/index.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';

const schemasDir = path.join(sharedDir, 'data', 'valueflows', 'json-schemas');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function work() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function vfValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const f of fs.readdirSync(schemasDir)) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemasDir, f), 'utf8')));
  return (type: string, node: unknown) => {
    const v = ajv.getSchema(`https://raw.githubusercontent.com/valueflows/valueflows/master/json-schemas/${type}.json`)!;
    return v(node) ? [] : v.errors!;
  };
}

async function catalogueOf(pkgFile: string, dir: string): Promise<string> {
  const db = path.join(dir, 'from.db');
  const r = await teia('import', pkgFile, '--db', db);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

const pkgOf = (db: string) => readPackage(openCore({ dbPath: db, host: 'cli', sample: false, readonly: true }).ctx.db);

describe('ValueFlows JSON-LD', () => {
  it('writes flows as EconomicEvents, offers and needs as Proposals, all valid against the ValueFlows schemas', async () => {
    const dir = work();
    const db = await catalogueOf(path.join(sharedDir, 'spec', 'example-network.json'), dir);
    const file = path.join(dir, 'flows.jsonld');
    expect((await teia('export', file, '--db', db)).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { '@context': Record<string, string>; '@graph': Record<string, unknown>[] };
    expect(doc['@context']['@vocab']).toBe('https://w3id.org/valueflows/ont/vf#');
    const validate = vfValidator();
    const pkg = pkgOf(db);
    const events = doc['@graph'].filter((n) => n['@type'] === 'EconomicEvent' && !n.triggeredBy);
    expect(events).toHaveLength(pkg.flows!.length);
    for (const n of doc['@graph']) {
      const type = n['@type'] as string;
      expect(validate(type, n), `${type} ${n['@id']}`).toEqual([]);
    }
    // A valued flow is answered by its payment: buyer → supplier, the value in the flow's currency.
    const valued = pkg.flows!.find((f) => f.value !== undefined)!;
    const payment = doc['@graph'].find((n) => (n.triggeredBy as { '@id'?: string } | undefined)?.['@id'] === `urn:teia:flow:${encodeURIComponent(valued.id!)}`)!;
    expect((payment.resourceQuantity as { hasNumericalValue: number }).hasNumericalValue).toBe(valued.value);
    expect((payment.provider as { '@id': string })['@id']).toBe(`urn:teia:enterprise:${encodeURIComponent(valued.buyer)}`);
  });

  it('imports back into an empty catalogue with every flow, offer and need', async () => {
    const dir = work();
    const db = await catalogueOf(path.join(sharedDir, 'spec', 'example-network.json'), dir);
    const file = path.join(dir, 'flows.jsonld');
    await teia('export', file, '--db', db);
    const back = path.join(dir, 'back.db');
    const r = await teia('import', file, '--db', back);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('(valueflows)');
    expect(r.stdout).toContain(' 0 rejected');
    const a = pkgOf(db);
    const b = pkgOf(back);
    const flows = (p: typeof a) => p.flows!.map((f) => JSON.stringify([f.id, f.supplier, f.buyer, f.product, f.quantity, f.value ?? null, f.currency ?? null, f.period ?? null])).sort();
    expect(flows(b)).toEqual(flows(a));
    const offers = (p: typeof a) => p.offers!.map((o) => JSON.stringify([o.enterprise, o.product, o.capacity ?? null, o.price ?? null])).sort();
    expect(offers(b)).toEqual(offers(a));
    const needs = (p: typeof a) => p.needs!.map((n) => JSON.stringify([n.enterprise, n.product, n.quantity])).sort();
    expect(needs(b)).toEqual(needs(a));
    expect(b.enterprises!.map((e) => e.name).sort()).toEqual(a.enterprises!.map((e) => e.name).sort());
  });

  it('reports a node it does not read instead of dropping it, and refuses a file that is not ValueFlows with a sentence', async () => {
    const dir = work();
    const file = path.join(dir, 'other.jsonld');
    fs.writeFileSync(file, JSON.stringify({
      '@context': { '@vocab': 'https://w3id.org/valueflows/ont/vf#' },
      '@graph': [
        { '@id': 'urn:x:a', '@type': 'Agent', name: 'Cooperativa A' },
        { '@id': 'urn:x:p', '@type': 'Process', name: 'Roasting' },
      ],
    }));
    const r = await teia('import', file, '--db', path.join(dir, 'c.db'));
    expect(r.stdout).toContain('1 accepted, 1 rejected');
    expect(r.stdout).toContain('It is a Process: Teia reads agents, resource specifications, economic events and proposals.');
    fs.writeFileSync(file, JSON.stringify({ '@context': { '@vocab': 'https://w3id.org/valueflows/ont/vf#' }, '@graph': 'nothing' }));
    const bad = await teia('import', file, '--db', path.join(dir, 'd.db'), '--format', 'valueflows');
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('This is not a ValueFlows file');
  });
});
