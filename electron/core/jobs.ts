import { TeiaError } from '../../shared/contract/errors.ts';

/** Running jobs by the id the client chose, so that `job-cancel` can stop them. */
export class Jobs {
  private readonly running = new Map<string, AbortController>();

  /** Registers a job; the returned signal aborts when the job is cancelled. */
  start(jobId: string | undefined): { signal: AbortSignal; end(): void } {
    const controller = new AbortController();
    if (jobId) {
      if (this.running.has(jobId)) throw new TeiaError('conflict', `A job with id "${jobId}" is already running.`);
      this.running.set(jobId, controller);
    }
    return {
      signal: controller.signal,
      end: () => {
        if (jobId && this.running.get(jobId) === controller) this.running.delete(jobId);
      },
    };
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}

/** Throws the contract's `cancelled` error when the job's signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TeiaError('cancelled', 'The job was cancelled; nothing was changed.', undefined, { key: 'cancelled' });
}
