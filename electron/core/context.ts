import type { Db } from './db/open.ts';
import type { TeiaEvent } from '../../shared/contract/index.ts';
import { Jobs } from './jobs.ts';

/** What every handler gets: the open catalogue, how to tell windows about progress, jobs. */
export interface CoreContext {
  db: Db;
  dbPath: string;
  host: 'desktop' | 'server' | 'cli';
  readOnly: boolean;
  /** True when the catalogue was filled from the illustrative sample on first start. */
  sample: boolean;
  emit(event: TeiaEvent): void;
  jobs: Jobs;
  /** Set by `teia serve --host` once it listens: the read-only link for attendees. */
  share?: ShareInfo;
}

export interface ShareInfo {
  readLink: string;
  qr: { size: number; cells: string };
}

export function createContext(
  init: Omit<CoreContext, 'jobs' | 'emit' | 'sample'> & { emit?: CoreContext['emit']; sample?: boolean },
): CoreContext {
  return { ...init, emit: init.emit ?? (() => {}), sample: init.sample ?? false, jobs: new Jobs() };
}
