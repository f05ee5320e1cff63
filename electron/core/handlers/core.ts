import { basename } from 'node:path';
import type { Handlers } from '../dispatch.ts';
import { schemaVersion } from '../db/open.ts';
import { isSampleCatalogue } from '../catalogue/sample.ts';
import { appVersion } from '../version.ts';

export const coreHandlers: Pick<Handlers, 'app-info' | 'job-cancel'> = {
  'app-info': (_input, ctx) => ({
    version: appVersion(),
    schemaVersion: schemaVersion(ctx.db),
    // A read-only caller (a forum attendee on the read link) learns the file's name, not where it
    // lives on the organiser's disk.
    databasePath: ctx.readOnly ? basename(ctx.dbPath) : ctx.dbPath,
    host: ctx.host,
    readOnly: ctx.readOnly,
    sample: isSampleCatalogue(ctx.db),
  }),
  'job-cancel': ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId, ctx) }),
};
