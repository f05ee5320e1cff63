import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract/index.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { call, errorMessage, subscribe } from '../../api/client.ts';

/**
 * A long engine call (analysis, plan, comparison) with a progress bar and a Cancel button:
 * the call carries a fresh jobId, `progress` events with that id update the bar, and cancel
 * asks the core to stop it (`job-cancel`). A cancelled job is not an error to show.
 */
export interface JobState<T> {
  running: boolean;
  progress: { done: number; total: number; label: string } | null;
  data: T | undefined;
  error: string | null;
  cancelled: boolean;
}

type WithJob = { jobId?: string };

let counter = 0;

export function useJob<M extends MethodName>(method: M) {
  const [state, setState] = useState<JobState<MethodOutput<M>>>({ running: false, progress: null, data: undefined, error: null, cancelled: false });
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      subscribe((e) => {
        if (e.type === 'progress' && e.jobId === current.current) {
          setState((s) => ({ ...s, progress: { done: e.done, total: e.total, label: e.label } }));
        }
      }),
    [],
  );
  // Leaving the screen stops the work nobody will look at.
  useEffect(
    () => () => {
      if (current.current) void call('job-cancel', { jobId: current.current }).catch(() => {});
    },
    [],
  );

  const run = useCallback(
    async (input: MethodInput<M> & WithJob): Promise<MethodOutput<M> | undefined> => {
      const jobId = `${method}-${Date.now().toString(36)}-${++counter}`;
      current.current = jobId;
      setState((s) => ({ ...s, running: true, progress: null, error: null, cancelled: false }));
      try {
        const data = await call(method, { ...input, jobId });
        if (current.current === jobId) {
          current.current = null;
          setState({ running: false, progress: null, data, error: null, cancelled: false });
        }
        return data;
      } catch (err) {
        if (current.current === jobId) {
          current.current = null;
          const cancelled = err instanceof TeiaError && err.code === 'cancelled';
          setState((s) => ({ ...s, running: false, progress: null, error: cancelled ? null : errorMessage(err), cancelled }));
        }
        return undefined;
      }
    },
    [method],
  );

  const cancel = useCallback(() => {
    if (current.current) void call('job-cancel', { jobId: current.current }).catch(() => {});
  }, []);

  return { ...state, run, cancel };
}
