// A stand-in for the desktop app in the two-windows test: a second core on the same file, in
// its own process, as Electron's main process opens it (host 'desktop', events to its window).
//   node bin/tsx.mjs test/helpers/second-core.ts DB
// Prints every event it would send its window as `event {json}`; reads commands on stdin:
//   create NAME   → `created ID`      get ID → `got ID` or `missing ID`
import readline from 'node:readline';
import { openCore } from '../../electron/core/index.ts';
import { TeiaError } from '../../shared/contract/errors.ts';

const say = (line: string) => process.stdout.write(line + '\n');
const core = openCore({ dbPath: process.argv[2], host: 'desktop', sample: false, emit: (e) => say(`event ${JSON.stringify(e)}`) });
say('ready');
for await (const line of readline.createInterface({ input: process.stdin })) {
  const [cmd, ...rest] = line.split(' ');
  const arg = rest.join(' ');
  if (cmd === 'create') say(`created ${(await core.call('enterprise-create', { name: arg, solidarity: true })).id}`);
  else if (cmd === 'get') {
    try {
      say(`got ${(await core.call('enterprise-get', { id: arg })).id}`);
    } catch (err) {
      if (!(err instanceof TeiaError) || err.code !== 'not-found') throw err;
      say(`missing ${arg}`);
    }
  }
}
core.close();
