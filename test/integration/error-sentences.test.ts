import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { TeiaError, type ErrorData, type Result } from '../../shared/contract/errors.ts';
import { sentenceText } from '../../renderer/src/i18n/errors.ts';
import { startServer } from '../../electron/server/server.ts';
import { rendererDir } from '../../electron/core/paths.ts';
import { httpCore, testCore } from '../helpers/core.ts';
import { tempDir } from '../helpers/tmp.ts';

// The core's sentences carry a key and values over the wire (real core, real HTTP server), and
// the renderer's catalogues say them in the person's language.
const closers: (() => unknown)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function wire(options: { readOnly?: boolean } = {}) {
  const t = testCore({ readOnly: options.readOnly });
  const { server, invoke } = await httpCore(t.core);
  closers.push(t.close, () => server.close());
  return async (method: string, input: unknown): Promise<ErrorData> => {
    const r = (await invoke(method, input)) as Result<unknown>;
    if (r.ok) throw new Error(`${method} succeeded`);
    return r.error;
  };
}

const say = (e: ErrorData, lang: 'en' | 'es' | 'pt' | 'fr') => sentenceText(e.key, e.args, e.message, lang);

describe('core error sentences by key', () => {
  it('not found: the key and the id cross the wire, and read in Portuguese and French', async () => {
    const fail = await wire();
    const e = await fail('enterprise-get', { id: 'nao-existe' });
    expect(e).toMatchObject({ code: 'not-found', key: 'enterprise-not-found', args: { id: 'nao-existe' } });
    expect(e.message).toContain('nao-existe'); // the English sentence stays for the CLI and old windows
    expect(say(e, 'pt')).toBe('Não há empreendimento “nao-existe” neste catálogo. Ele pode ter sido excluído.');
    expect(say(e, 'fr')).toBe('Il n’y a pas d’entreprise «\u202Fnao-existe\u202F» dans ce catalogue. Elle a peut-être été supprimée.');
  });

  it('validation at the contract door: a missing name is "required", with the field', async () => {
    const fail = await wire();
    const e = await fail('enterprise-create', { name: '', solidarity: true });
    expect(e).toMatchObject({ code: 'invalid-input', key: 'required', args: { fields: 'name' } });
    expect(say(e, 'es')).toBe('Esto no puede quedar vacío: name.');
    const wrong = await fail('enterprise-create', { name: 'A co-op', solidarity: true, lat: 'north' });
    expect(wrong).toMatchObject({ code: 'invalid-input', key: 'invalid-input', args: { fields: 'lat' } });
    expect(say(wrong, 'pt')).toBe('Alguns valores não foram aceitos (lat). Confira e tente de novo.');
    // A rule of the contract's own keeps its fuller English sentence rather than a general one.
    const same = await fail('flow-create', { supplier: 'x', buyer: 'x', product: 'p', quantity: 1 });
    expect(same.code).toBe('invalid-input');
    expect(same.key).toBeUndefined();
    expect(say(same, 'fr')).toContain('The buyer cannot also be the supplier');
  });

  it('read-only: a write to a read-only catalogue is refused in the person’s language', async () => {
    const fail = await wire({ readOnly: true });
    const e = await fail('enterprise-create', { name: 'A co-op', solidarity: true });
    expect(e).toMatchObject({ code: 'read-only', key: 'read-only' });
    expect(say(e, 'fr')).toBe('Ce catalogue est ouvert en lecture seule\u202F: les modifications n’y sont pas acceptées.');
  });

  it('the server’s read-only link: a write without the organisers’ key is refused by key', async () => {
    const t = testCore();
    // As `teia serve --host` runs it: attendees hold the read token, organisers the write one.
    const server = await startServer({ port: 0, staticDir: rendererDir(), dispatch: t.core.dispatch, token: 'attendees', writeToken: 'organisers' });
    closers.push(t.close, () => server.close());
    const res = await fetch(new URL('rpc/enterprise-create', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer attendees' },
      body: JSON.stringify({ name: 'A co-op', solidarity: true }),
    });
    expect(res.status).toBe(403);
    const e = ((await res.json()) as { error: ErrorData }).error;
    expect(e).toMatchObject({ code: 'read-only', key: 'read-only-link' });
    expect(say(e, 'pt')).toBe('Este é o link só de leitura: as alterações só podem ser feitas pelo link de quem organiza.');
  });

  it('newer database: the schema version is carried as a value', () => {
    const tmp = tempDir();
    closers.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'future.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    let err: unknown;
    try {
      openCore({ dbPath: file, host: 'server', sample: false }).close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TeiaError);
    const data = (err as TeiaError).toData();
    expect(data).toMatchObject({ code: 'newer-database', key: 'newer-database', args: { version: 999 } });
    expect(say(data, 'pt')).toContain('(esquema 999)');
  });

  it('a key this window does not know, or none, shows the core’s English sentence', () => {
    expect(sentenceText('some-future-key', {}, 'The core said so.', 'fr')).toBe('The core said so.');
    expect(sentenceText(undefined, undefined, 'The core said so.', 'pt')).toBe('The core said so.');
    // Back from the wire, the key is kept as sent.
    const back = TeiaError.fromData({ code: 'not-found', message: 'x', key: 'enterprise-not-found', args: { id: 'a' } });
    expect([back.key, back.args]).toEqual(['enterprise-not-found', { id: 'a' }]);
  });
});
