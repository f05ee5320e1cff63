import { z } from 'zod';
import { defineMethod } from './define.ts';

/**
 * What the network views draw: the flow graph of a scope with values aggregated per
 * (supplier, buyer) pair, and the names the engine's id-only answers need. The engine's
 * figures come from engine-*; these methods only read the catalogue.
 */
const id = z.string().min(1).max(200);

export const graphNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  solidarity: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** True when the enterprise is a member of the scope (always true for the whole catalogue). */
  member: z.boolean(),
  /** Valued flows in and out within the graph drawn (unvalued flows count 0). */
  inValue: z.number(),
  outValue: z.number(),
  /** Upstream distance from the focus enterprise (0 = the focus); null without a focus. */
  tier: z.number().int().nullable(),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  /** Sum of the valued flows of this pair; unvalued flows are counted in `unvalued`. */
  value: z.number(),
  flows: z.number().int(),
  unvalued: z.number().int(),
  /** Product ids carried, sorted (at most 20). */
  products: z.array(z.string()),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const networkGraphOutputSchema = z.object({
  network: z.string().nullable(),
  focus: z.string().nullable(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  /** Sizes before any cut to `maxNodes` (the nodes kept are those carrying the most value). */
  totals: z.object({ nodes: z.number().int(), edges: z.number().int() }),
  truncated: z.boolean(),
});
export type NetworkGraph = z.infer<typeof networkGraphOutputSchema>;

export const networkMethods = {
  'network-list': defineMethod({
    summary: 'The networks of the catalogue with their member counts, by name.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({ networks: z.array(z.object({ id: z.string(), name: z.string(), members: z.number().int() })) }),
  }),
  'network-graph': defineMethod({
    summary:
      "The flow graph of a network (its members and their suppliers) or of the whole catalogue, or one enterprise's chain upstream, aggregated per supplier-buyer pair.",
    write: false,
    input: z
      .object({
        network: id.nullable().default(null),
        /** Draw only this enterprise's chain: its suppliers, their suppliers… `tiers` deep. */
        focus: id.optional(),
        tiers: z.number().int().min(1).max(20).default(3),
        /** Only flows of this product or of a more specific one. */
        product: id.optional(),
        maxNodes: z.number().int().min(1).max(100_000).default(20_000),
      })
      .strict(),
    output: networkGraphOutputSchema,
  }),
  'network-labels': defineMethod({
    summary: 'Names of the given enterprises and products (the engine answers with ids).',
    write: false,
    input: z
      .object({
        enterprises: z.array(id).max(100_000).default([]),
        products: z.array(id).max(100_000).default([]),
        /** Offers to price: the planner shows what a substitute charges. */
        offers: z.array(z.object({ enterprise: id, product: id }).strict()).max(10_000).default([]),
      })
      .strict(),
    output: z.object({
      enterprises: z.record(z.string(), z.object({ name: z.string(), solidarity: z.boolean(), lat: z.number().nullable(), lon: z.number().nullable() })),
      /** Product name and its names per language ({pt: "Café"}). */
      products: z.record(z.string(), z.object({ name: z.string(), names: z.record(z.string(), z.string()), unit: z.string().nullable() })),
      /** The first offer of exactly that product by that enterprise (null fields when unknown). */
      offers: z.array(z.object({ enterprise: z.string(), product: z.string(), price: z.number().nullable(), capacity: z.number().nullable(), currency: z.string().nullable() })),
    }),
  }),
};
