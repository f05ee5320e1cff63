import { z } from 'zod';
import { defineMethod } from './define.ts';
import { enterpriseSummarySchema } from './catalogue.ts';

const enterpriseId = z.string().min(1).max(200);

/**
 * Deciding whether enterprises are solidarity enterprises, after an import left them to
 * classify (enterprises.classified = 0). Until decided they count as not solidarity.
 */
export const classifyMethods = {
  'enterprise-unclassified': defineMethod({
    summary: 'Enterprises nobody has yet said are solidarity or not, in the order they were imported, with the total.',
    write: false,
    input: z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      items: z.array(enterpriseSummarySchema.extend({ legalForm: z.string().nullable() })),
    }),
  }),
  'enterprise-classify': defineMethod({
    summary: 'Records a person’s decision: these enterprises are (or are not) solidarity enterprises.',
    write: true,
    input: z
      .object({
        ids: z.array(enterpriseId).min(1, 'Choose at least one enterprise.').max(10_000),
        solidarity: z.boolean(),
      })
      .strict(),
    output: z.object({ updated: z.number().int(), missing: z.array(z.string()) }),
  }),
};
