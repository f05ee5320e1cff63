import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a sibling module given by its TypeScript URL. From the sources
 * (tsx: dev, tests, the CLI) the thread registers tsx before loading the .ts file; from the
 * build it loads the compiled .js beside it.
 */
export function spawnWorker(tsUrl: URL, options: WorkerOptions = {}): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(tsUrl.href)}); })`;
    return new Worker(code, { ...options, eval: true });
  }
  return new Worker(new URL(tsUrl.href.replace(/\.ts$/, '.js')), options);
}
