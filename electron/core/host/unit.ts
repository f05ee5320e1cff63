// A worker thread of the core's host: the writer (the catalogue's one read-write connection,
// imports, jobs, events) or one reader of the pool (a read-only connection for searches and
// other reads; WAL lets it read beside the writer). Spoken to only through the host protocol.
import os from 'node:os';
import { openCore } from '../index.ts';
import { answerCalls } from './answer.ts';
import { parentEndpoint } from './threads.ts';
import { startLauncher } from '../engine/launcher.ts';
import type { Backend } from './protocol.ts';

answerCalls(
  parentEndpoint(),
  (options, emit): Backend => {
    const reader = options.role === 'reader';
    if (!reader && process.platform === 'linux') {
      // Linux keeps a nice value per thread: a long import yields the CPU to the readers and
      // the window, and takes all of it when nobody else wants it. A thread inherits its
      // creator's: the engine workers are started by a launcher started before this.
      startLauncher();
      try {
        os.setPriority(5);
      } catch {
        // not allowed here: the import simply competes as before
      }
    }
    const core = openCore({
      dbPath: options.dbPath,
      host: options.host,
      readOnly: reader || options.readOnly,
      readonly: reader,
      sample: !reader && options.sample,
      emit: reader ? undefined : emit,
    });
    if (options.share) core.ctx.share = options.share;
    return {
      info: { dbPath: core.ctx.dbPath, readOnly: core.ctx.readOnly, sample: core.ctx.sample, readers: 0 },
      async dispatch(method, input, call) {
        // A cancelled call stops the job it started (its jobId), with the caller's own rights.
        const jobId = (input as { jobId?: unknown } | null)?.jobId;
        const stop = () => {
          if (typeof jobId !== 'string') return;
          try {
            core.ctx.jobs.cancel(jobId, call);
          } catch {
            // not this caller's job to stop
          }
        };
        const answer = core.dispatch(method, input, call);
        if (call.signal?.aborted) stop();
        else call.signal?.addEventListener('abort', stop, { once: true });
        try {
          return await answer;
        } finally {
          call.signal?.removeEventListener('abort', stop);
        }
      },
      close: () => core.close(),
    };
  },
  () => process.exit(0),
);
