import { z } from 'zod';

/** Events the core pushes to every window: job progress and catalogue changes. */
export const eventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    jobId: z.string(),
    /** Work done and total, in the job's own unit; total 0 when unknown. */
    done: z.number(),
    total: z.number(),
    label: z.string(),
  }),
  z.object({ type: z.literal('catalogue-changed'), reason: z.string() }),
]);
export type TeiaEvent = z.infer<typeof eventSchema>;
