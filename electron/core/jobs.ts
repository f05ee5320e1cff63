import { TeiaError } from '../../shared/contract/errors.ts';

/** Who started or stops a job: a caller that may write (the write secret, the desktop) or one that may only read. */
export interface JobCaller {
  readOnly: boolean;
}

/** Running jobs by the id the client chose, so that `job-cancel` can stop them. */
export class Jobs {
  private readonly running = new Map<string, { controller: AbortController; byWriter: boolean }>();

  /** Registers a job; the returned signal aborts when the job is cancelled. */
  start(jobId: string | undefined, caller: JobCaller): { signal: AbortSignal; end(): void } {
    const controller = new AbortController();
    if (jobId) {
      if (this.running.has(jobId)) throw new TeiaError('conflict', `A job with id "${jobId}" is already running.`);
      this.running.set(jobId, { controller, byWriter: !caller.readOnly });
    }
    return {
      signal: controller.signal,
      end: () => {
        if (jobId && this.running.get(jobId)?.controller === controller) this.running.delete(jobId);
      },
    };
  }

  /**
   * Stops a job. Job ids are easy to guess (the app's are a time and a counter; `teia serve`
   * keeps an organiser's progress events from the attendees' stream, not the ids from guessing),
   * so a caller that may only read cannot stop a job started by one that may write: an attendee
   * must not be able to cancel an organiser's import.
   */
  cancel(jobId: string, caller: JobCaller): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    if (job.byWriter && caller.readOnly) {
      throw new TeiaError('read-only', 'This job was started through the link that makes changes; only that link can stop it.');
    }
    job.controller.abort();
    return true;
  }
}

/** Throws the contract's `cancelled` error when the job's signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TeiaError('cancelled', 'The job was cancelled; nothing was changed.', undefined, { key: 'cancelled' });
}
