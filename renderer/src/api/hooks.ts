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
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ data?: MethodOutput<M>; error: string | null; loading: boolean }>({ error: null, loading: key !== null });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => subscribe((e) => e.type === 'catalogue-changed' && reload()), [reload]);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: unknown) => live && setState({ data: undefined, error: errorMessage(err), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [method, key, version]);

  return { data: state.data, error: state.error, loading: state.loading, reload };
}
