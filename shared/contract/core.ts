import { z } from 'zod';
import { defineMethod } from './define.ts';

/** Methods about the app itself and long-running jobs. */
export const coreMethods = {
  'app-info': defineMethod({
    summary: 'Version, schema version, where the catalogue lives and how the app is hosted.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      databasePath: z.string(),
      host: z.enum(['desktop', 'server', 'cli']),
      readOnly: z.boolean(),
      sample: z.boolean(),
    }),
  }),
  'job-cancel': defineMethod({
    summary: 'Asks a running job (import, analysis, plan) to stop; it ends with a cancelled error.',
    write: false,
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
