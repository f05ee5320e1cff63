import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract/index.ts';
import type { Result } from '../../shared/contract/errors.ts';
import { httpCore, testCore } from '../helpers/core.ts';

/**
 * The same sequence of calls through the in-process door and through HTTP, each on its own
 * copy of the sample catalogue: the answers must be the same, errors included.
 */
const calls: [string, unknown, 'ok' | 'error'][] = [
  ['app-info', {}, 'ok'],
  ['catalogue-stats', {}, 'ok'],
  ['enterprise-list', { offset: 0, limit: 5 }, 'ok'],
  ['enterprise-get', { id: 'armazem' }, 'ok'],
  ['enterprise-create', { id: 'parity-coop', name: 'Parity Coop', solidarity: true, locality: 'Recife', lat: -8.05, lon: -34.9 }, 'ok'],
  ['enterprise-update', { id: 'parity-coop', changes: { description: 'Made twice, once per transport' } }, 'ok'],
  ['enterprise-get', { id: 'parity-coop' }, 'ok'],
  ['catalogue-stats', {}, 'ok'],
  ['enterprise-delete', { id: 'parity-coop' }, 'ok'],
  ['enterprise-get', { id: 'parity-coop' }, 'error'],
  ['enterprise-create', { name: '' }, 'error'],
  ['enterprise-list', { limit: 100000 }, 'error'],
  ['enterprise-get', { id: 'armazem', extra: true }, 'error'],
  ['flow-create', { supplier: 'coopercafe', buyer: 'armazem', product: 'coffee', quantity: 5, price: 30, period: '2026' }, 'ok'],
  ['flow-create', { supplier: 'armazem', buyer: 'armazem', product: 'coffee', quantity: 5 }, 'error'],
  ['flow-create', { supplier: 'coopercafe', buyer: 'nobody', product: 'coffee', quantity: 5 }, 'error'],
  ['offer-create', { enterprise: 'armazem', product: 'coffee', capacity: 10 }, 'ok'],
  ['need-create', { enterprise: 'armazem', product: 'honey', quantity: -1 }, 'error'],
  ['partner-create', { name: 'Parity Partner' }, 'ok'],
  ['product-create', { name: 'Parity Product', parent: 'coffee' }, 'ok'],
  ['product-update', { id: 'coffee', parent: 'organic-coffee' }, 'error'],
  ['product-update', { id: 'parity-product', names: { pt: 'Produto paridade' } }, 'ok'],
  ['product-merge', { from: 'parity-product', into: 'coffee' }, 'ok'],
  ['product-unmerge', { from: 'x' }, 'error'],
  ['network-create', { name: 'Parity Network' }, 'ok'],
  ['network-members-add', { network: 'parity-network', enterprises: ['armazem', 'consumo'] }, 'ok'],
  ['network-members-remove', { network: 'parity-network', enterprises: ['consumo'] }, 'ok'],
  ['network-delete', { id: 'parity-network' }, 'ok'],
  ['currency-create', { name: 'Parity Sampa', kind: 'social-currency', issuer: 'banco-ipe' }, 'ok'],
  ['currency-create', { name: 'Parity Sampa', kind: 'voucher' }, 'error'],
  ['currency-accept', { currency: 'parity-sampa', enterprises: ['armazem', 'consumo'], share: 0.5, products: ['food'] }, 'ok'],
  ['currency-accept', { currency: 'parity-sampa', enterprises: ['armazem'], share: 2 }, 'error'],
  ['currency-get', { id: 'parity-sampa' }, 'ok'],
  ['currency-delete', { id: 'parity-sampa' }, 'error'],
  ['currency-delete', { id: 'parity-sampa', withAcceptances: true }, 'ok'],
  ['job-cancel', { jobId: 'nothing-running' }, 'ok'],
  ['no-such-method', {}, 'error'],
];

/** Timestamps and the file path differ between two catalogues by nature; everything else may not. */
function normalise(r: Result<unknown>): unknown {
  return JSON.parse(JSON.stringify(r), (k, v) => (k === 'createdAt' || k === 'updatedAt' || k === 'databasePath' ? '<varies>' : v));
}

describe('contract parity: in-process and HTTP give the same answers', () => {
  const a = testCore();
  const b = testCore();
  let http: Awaited<ReturnType<typeof httpCore>>;
  beforeAll(async () => {
    http = await httpCore(b.core);
  });
  afterAll(async () => {
    await http.server.close();
    a.close();
    b.close();
  });

  it('answers every call of the sequence identically', async () => {
    for (const [method, input, expected] of calls) {
      const direct = await a.core.dispatch(method, input);
      const remote = await http.invoke(method, input);
      expect(direct.ok ? 'ok' : 'error', `${method} ${JSON.stringify(input)}: ${JSON.stringify(direct)}`).toBe(expected);
      if (!direct.ok) expect(direct.error.code).not.toBe('internal');
      expect(normalise(remote), `${method} ${JSON.stringify(input)}`).toEqual(normalise(direct));
      // Successful answers match their declared output schema.
      if (direct.ok && method in methods) {
        const def = methods[method as keyof typeof methods];
        expect(def.output.safeParse(direct.value).success, `${method} output schema`).toBe(true);
      }
    }
  });

  it('reports refused input as data with a sentence, not a stack trace', async () => {
    const r = await http.invoke('enterprise-create', { name: '   ' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      expect(r.error.message).toMatch(/A name is required/);
      expect(r.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
