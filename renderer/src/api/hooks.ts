import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.ts';
import { call, errorMessage, subscribe } from './client.ts';

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/**
 * Calls a read method and keeps the answer; calls again when the input changes or when the
 * catalogue changes (an event from any window or host).
 */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): Query<MethodOutput<M>> {
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const requestKey = input === null ? null : `${method}:${JSON.stringify(input)}#${version}`;
  // The answer remembers which request it answers: loading is derived, and the previous data
  // stays on screen while a newer request is on its way (no flash of empty tables).
  const [state, setState] = useState<{ key: string | null; data?: MethodOutput<M>; error: string | null }>({ key: null, error: null });

  useEffect(() => subscribe((e) => e.type === 'catalogue-changed' && reload()), [reload]);

  useEffect(() => {
    if (requestKey === null) return;
    let live = true;
    const body = JSON.parse(requestKey.slice(method.length + 1, requestKey.lastIndexOf('#'))) as MethodInput<M>;
    call(method, body).then(
      (data) => live && setState({ key: requestKey, data, error: null }),
      (err: unknown) => live && setState({ key: requestKey, data: undefined, error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [method, requestKey]);

  return { data: state.data, error: state.error, loading: requestKey !== null && state.key !== requestKey, reload };
}
