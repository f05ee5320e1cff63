import { z } from 'zod';
import { defineMethod } from './define.ts';
import { enterpriseSchema } from '../domain/package.ts';

const enterpriseId = z.string().min(1).max(200);

export const statsSchema = z.object({
  enterprises: z.number().int(),
  solidarityEnterprises: z.number().int(),
  /** Enterprises an import left for a person to classify (counted as not solidarity meanwhile). */
  unclassifiedEnterprises: z.number().int(),
  products: z.number().int(),
  offers: z.number().int(),
  needs: z.number().int(),
  flows: z.number().int(),
  networks: z.number().int(),
  currencies: z.number().int(),
  imports: z.number().int(),
  /**
   * The catalogue's currency of account: the ISO 4217 code (BRL, EUR…) most of its flows and
   * offers are in, so every amount can say what it is in; null when none gives one.
   */
  money: z.string().nullable(),
});
export type CatalogueStats = z.infer<typeof statsSchema>;

/** A row of the directory table: enough to list, sort and link. */
export const enterpriseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  solidarity: z.boolean(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  organisationalStructure: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>;

/** What a person may type into the enterprise form: the package's enterprise without an id. */
export const enterpriseDraftSchema = enterpriseSchema.omit({ id: true }).extend({
  name: z.string().trim().min(1, 'A name is required.').max(500),
});
export type EnterpriseDraft = z.infer<typeof enterpriseDraftSchema>;

export const catalogueMethods = {
  'catalogue-stats': defineMethod({
    summary: 'Counts of each kind of record in the catalogue.',
    write: false,
    input: z.object({}).strict(),
    output: statsSchema,
  }),
  'enterprise-list': defineMethod({
    summary: 'A page of enterprises, sorted by name.',
    write: false,
    input: z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(enterpriseSummarySchema) }),
  }),
  'enterprise-get': defineMethod({
    summary: 'Everything recorded about one enterprise.',
    write: false,
    input: z.object({ id: enterpriseId }).strict(),
    output: enterpriseSchema.extend({
      /** False while nobody has said whether it is solidarity (it counts as not solidarity meanwhile). */
      classified: z.boolean(),
      importId: z.number().int().nullable(),
      sourceRow: z.number().int().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  }),
  'enterprise-create': defineMethod({
    summary: 'Adds an enterprise; the id is made from its name when not given.',
    write: true,
    input: enterpriseDraftSchema.extend({ id: enterpriseId.optional() }).strict(),
    output: z.object({ id: z.string() }),
  }),
  'enterprise-update': defineMethod({
    summary: 'Replaces the recorded fields of an enterprise with the ones given.',
    write: true,
    input: z.object({ id: enterpriseId, changes: enterpriseDraftSchema.partial().strict() }).strict(),
    output: z.object({ id: z.string() }),
  }),
  'enterprise-delete': defineMethod({
    summary: 'Removes an enterprise with its offers, needs, flows and memberships.',
    write: true,
    input: z.object({ id: enterpriseId }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
};
