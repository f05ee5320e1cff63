// Entry for `node bin/teia.mjs`: runs the command and exits with its code.
import { main } from './main.ts';

// `teia stats | head`: once the reader has gone, writing gets EPIPE. That is the reader's
// choice, not a failure: the rest of the output is dropped quietly (no stack trace) and the
// command finishes what it was doing (an import still commits or rolls back whole).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    stream.write = (() => true) as typeof stream.write;
  });
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
