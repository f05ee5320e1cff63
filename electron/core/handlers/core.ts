import type { Handlers } from '../dispatch.ts';
import { schemaVersion } from '../db/open.ts';
import { isSampleCatalogue } from '../catalogue/sample.ts';
import { appVersion } from '../version.ts';

export const coreHandlers: Pick<Handlers, 'app-info' | 'job-cancel'> = {
  'app-info': (_input, ctx) => ({
    version: appVersion(),
    schemaVersion: schemaVersion(ctx.db),
    databasePath: ctx.dbPath,
    host: ctx.host,
    readOnly: ctx.readOnly,
    sample: isSampleCatalogue(ctx.db),
  }),
  'job-cancel': ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId, ctx) }),
};
