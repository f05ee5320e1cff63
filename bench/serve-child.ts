// The serving process of bench/serve-load.ts: the real `teia serve` (same entry as the command),
// with its own event loop watched by perf_hooks.monitorEventLoopDelay. The bench asks on stdin:
//   reset   → starts a new measurement
//   report  → prints `eld {"p50":…,"p99":…,"max":…,"mean":…,"busy":…}` since the last reset (ms; busy in %)
//   node bin/tsx.mjs bench/serve-child.ts serve --db FILE …
import readline from 'node:readline';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { main } from '../electron/cli/main.ts';

const h = monitorEventLoopDelay({ resolution: 10 });
h.enable();
// The share of the time the loop was running code (not waiting): unlike the delay, it does not
// grow when the machine is busy and the thread simply waits for a core.
let elu = performance.eventLoopUtilization();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reset') {
    h.reset();
    elu = performance.eventLoopUtilization();
  }
  else if (line === 'report') {
    process.stdout.write(`eld ${JSON.stringify({ p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), samples: h.count, busy: Math.round(performance.eventLoopUtilization(elu).utilization * 1000) / 10 })}\n`);
  }
});
process.exitCode = await main(process.argv.slice(2));
process.exit();
