import { z } from 'zod';
import { defineMethod } from './define.ts';
import { enterpriseSummarySchema, enterpriseDraftSchema } from './catalogue.ts';
import { enterpriseSchema, offerSchema, needSchema, flowSchema } from '../domain/package.ts';

const enterpriseId = z.string().min(1).max(200);
const code = z.string().min(1).max(300);

/**
 * The directory's filters. Each is optional; given ones combine with AND. The same shape
 * lives in the address bar (browser mode), so a filtered view can be shared as a link.
 */
export const directoryFiltersSchema = z
  .object({
    solidarity: z.boolean().optional(),
    /** false: only the enterprises still to classify as solidarity or not. */
    classified: z.boolean().optional(),
    activity: code.optional(),
    structure: code.optional(),
    country: code.optional(),
    region: code.optional(),
    network: code.optional(),
    currency: code.optional(),
    qualifier: code.optional(),
    /** Part of the name or town, any case. */
    text: z.string().max(200).optional(),
  })
  .strict();
export type DirectoryFilters = z.infer<typeof directoryFiltersSchema>;

export const directorySortKeys = ['name', 'locality', 'country', 'solidarity', 'structure', 'updated'] as const;
export type DirectorySortKey = (typeof directorySortKeys)[number];

export const directorySortSchema = z
  .object({ by: z.enum(directorySortKeys).default('name'), dir: z.enum(['asc', 'desc']).default('asc') })
  .strict();
export type DirectorySort = z.infer<typeof directorySortSchema>;

const facetValueSchema = z.object({ value: z.string(), label: z.string().optional(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValueSchema>;

const relatedEnterpriseSchema = z.object({ id: z.string(), name: z.string(), solidarity: z.boolean() });
const relatedProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The product's name per language ({pt: "Café"}), when the taxonomy gives it. */
  names: z.record(z.string(), z.string()),
  /** The unit its quantities are in ("kg", "hour"), when the catalogue says. */
  unit: z.string().nullable(),
});

const tradeSchema = z.object({
  /** The flow's row: how the write methods (flow-update, flow-delete) address it. */
  row: z.number().int(),
  flowId: z.string().nullable(),
  /** The other side: the supplier for `suppliers`, the buyer for `buyers`. */
  enterprise: relatedEnterpriseSchema,
  product: relatedProductSchema,
  /** null when the flow's quantity is unknown (spec v1.1). */
  quantity: z.number().nullable(),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  period: z.string().nullable(),
});
export type Trade = z.infer<typeof tradeSchema>;

export const directoryMethods = {
  'enterprise-query': defineMethod({
    summary: 'A window of the directory: enterprises matching the filters, sorted, with the total count.',
    write: false,
    input: z
      .object({
        filters: directoryFiltersSchema.default({}),
        sort: directorySortSchema.default({ by: 'name', dir: 'asc' }),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      items: z.array(enterpriseSummarySchema.extend({ updatedAt: z.string() })),
    }),
  }),
  'enterprise-facets': defineMethod({
    summary: 'The values present for each directory filter, with how many enterprises have each.',
    write: false,
    input: z.object({ country: code.optional() }).strict(),
    output: z.object({
      total: z.number().int(),
      /** `unknown`: of the `no`, those still to classify. */
      solidarity: z.object({ yes: z.number().int(), no: z.number().int(), unknown: z.number().int() }),
      activity: z.array(facetValueSchema),
      structure: z.array(facetValueSchema),
      country: z.array(facetValueSchema),
      /** Regions of the given country when one is given, else of the whole catalogue (the 500 largest). */
      region: z.array(facetValueSchema),
      network: z.array(facetValueSchema),
      currency: z.array(facetValueSchema),
      qualifier: z.array(facetValueSchema),
    }),
  }),
  'enterprise-relations': defineMethod({
    summary: "An enterprise's offers, needs, suppliers and buyers (flows), each naming the other record.",
    write: false,
    input: z.object({ id: enterpriseId }).strict(),
    output: z.object({
      offers: z.array(
        z.object({
          row: z.number().int(),
          id: z.string().nullable(),
          product: relatedProductSchema,
          capacity: z.number().nullable(),
          price: z.number().nullable(),
          currency: z.string().nullable(),
          certifications: z.array(z.string()),
        }),
      ),
      needs: z.array(z.object({ row: z.number().int(), id: z.string().nullable(), product: relatedProductSchema, quantity: z.number() })),
      suppliers: z.array(tradeSchema),
      buyers: z.array(tradeSchema),
      /** True when a list was cut at 1,000 entries. */
      truncated: z.boolean(),
    }),
  }),
  'map-points': defineMethod({
    summary: 'Every enterprise with coordinates, as parallel arrays (compact for 100,000 points).',
    write: false,
    input: z.object({ filters: directoryFiltersSchema.default({}) }).strict(),
    output: z.object({
      ids: z.array(z.string()),
      names: z.array(z.string()),
      /** 1 = solidarity enterprise, 0 = not. */
      solidarity: z.array(z.number().int()),
      lat: z.array(z.number()),
      lon: z.array(z.number()),
      /** Matching enterprises with no coordinates (not on the map). */
      withoutCoordinates: z.number().int(),
    }),
  }),
  'enterprise-replace': defineMethod({
    summary:
      'Sets every recorded field of an enterprise to the ones given (a field left out is cleared); provenance is kept. Used by the edit form and its undo.',
    write: true,
    input: z.object({ id: enterpriseId, record: enterpriseDraftSchema.strict() }).strict(),
    output: z.object({ id: z.string() }),
  }),
  'enterprise-restore': defineMethod({
    summary: 'Puts back a deleted enterprise with its offers, needs and flows (the undo of a delete).',
    write: true,
    input: z
      .object({
        enterprise: enterpriseSchema,
        offers: z.array(offerSchema).max(10_000).default([]),
        needs: z.array(needSchema).max(10_000).default([]),
        flows: z.array(flowSchema).max(10_000).default([]),
      })
      .strict(),
    output: z.object({ id: z.string(), skippedFlows: z.number().int() }),
  }),
};
