import { openDatabase, type OpenOptions } from './db/open.ts';
import { createContext, type CoreContext } from './context.ts';
import { dispatch } from './dispatch.ts';
import { handlers } from './handlers/index.ts';
import { loadSampleIfEmpty } from './catalogue/sample.ts';
import { defaultDatabasePath } from './paths.ts';
import { watchOtherWriters } from './watch.ts';
import type { MethodName, MethodInput, MethodOutput, Result, TeiaEvent } from '../../shared/contract/index.ts';
import { TeiaError } from '../../shared/contract/index.ts';

export interface CoreOptions extends OpenOptions {
  dbPath?: string;
  host: CoreContext['host'];
  readOnly?: boolean;
  /** Fill an empty catalogue with the sample on its first start (default true). */
  sample?: boolean;
  emit?: (event: TeiaEvent) => void;
}

/** The core as every host uses it: an open catalogue and the one dispatch door. */
export interface Core {
  ctx: CoreContext;
  /**
   * Untyped entry for transports: validates everything. `readOnly` narrows one call to reading
   * (a `teia serve` caller without the write secret): writers are refused and app-info says so.
   */
  dispatch(method: string, input: unknown, call?: { readOnly: boolean }): Promise<Result<unknown>>;
  /** Typed in-process call for the CLI and tests; throws TeiaError on failure. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): void;
}

export function openCore(options: CoreOptions): Core {
  const dbPath = defaultDatabasePath(options.dbPath);
  const db = openDatabase(dbPath, options);
  const sample = options.sample !== false && !options.readonly ? loadSampleIfEmpty(db) : false;
  const ctx = createContext({ db, dbPath, host: options.host, readOnly: options.readOnly ?? false, emit: options.emit, sample });
  // Hosts with windows hear about writes made by other processes on the same file.
  const unwatch = options.emit && options.host !== 'cli' ? watchOtherWriters(db, (e) => ctx.emit(e)) : () => {};
  const core: Core = {
    ctx,
    dispatch: (method, input, call) => dispatch(handlers, call?.readOnly && !ctx.readOnly ? { ...ctx, readOnly: true } : ctx, method, input),
    async call(method, input) {
      const result = await dispatch(handlers, ctx, method, input);
      if (!result.ok) throw TeiaError.fromData(result.error);
      return result.value as MethodOutput<typeof method>;
    },
    close: () => {
      unwatch();
      db.close();
    },
  };
  return core;
}
