import { z } from 'zod';
import { defineMethod } from './define.ts';
import { engineSettingsSchema } from '../engine/settings.ts';

/**
 * The engine's methods: analysis (ENGINE.md §4 plus structure and explanations), one
 * enterprise's chain, saved settings profiles and what-if scenarios. Heavy methods run in a
 * worker and report `progress` events under the caller's `jobId` (cancel with `job-cancel`).
 */
const id = z.string().min(1).max(200);
const num = z.number();
const nullableNum = z.number().nullable();

// ---- ENGINE.md §4, field for field ----
export const substituteSchema = z.object({
  enterprise: z.string(),
  product: z.string(),
  spare: nullableNum,
  /** null when the flow's quantity is unknown (spec v1.1). */
  coverage: nullableNum,
  distanceKm: nullableNum,
  score: num,
  composite: num,
});
export const alternativeSchema = substituteSchema.omit({ coverage: true });
export const linkSchema = z.object({
  flow: z.string(),
  supplier: z.string(),
  buyer: z.string(),
  product: z.string(),
  quantity: nullableNum,
  value: nullableNum,
  supplierScore: num,
  priority: nullableNum,
  substitutes: z.array(substituteSchema),
  leastBadAlternative: alternativeSchema.nullable(),
});
export const gapSchema = z.object({
  product: z.string(),
  demand: num,
  supply: nullableNum,
  gap: num,
  referencePrice: nullableNum,
  value: nullableNum,
});
export const planChangeSchema = z.object({
  line: z.string(),
  buyer: z.string(),
  product: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  quantity: num,
});
export const planSchema = z.object({
  totalValue: num,
  solidarityValueBefore: num,
  solidarityValueAfter: num,
  shareBefore: nullableNum,
  shareAfter: nullableNum,
  leakageBefore: nullableNum,
  leakageAfter: nullableNum,
  unmetValue: num,
  compositeObjective: num,
  changes: z.array(planChangeSchema),
});
export const leakageSchema = z.object({ value: num, total: num, share: nullableNum, outsideValue: num });
export const currencyMemberSchema = z.object({ enterprise: z.string(), spend: num, earn: num, payableShare: nullableNum, stuck: num });
export const nextAcceptorSchema = z.object({ enterprise: z.string(), solidarity: z.boolean(), gain: num });
export const currencyFiguresSchema = z.object({
  currency: z.string(),
  kind: z.string().nullable(),
  acceptors: z.array(z.string()),
  payableValue: num,
  payableShare: nullableNum,
  earn: num,
  stuck: num,
  circulation: nullableNum,
  members: z.array(currencyMemberSchema),
  nextAcceptors: z.array(nextAcceptorSchema),
});
export const outletSchema = z.object({
  flow: z.string(),
  supplier: z.string(),
  buyer: z.string(),
  product: z.string(),
  quantity: nullableNum,
  value: nullableNum,
  buyerScore: num,
  priority: nullableNum,
  alternatives: z.array(
    z.object({ enterprise: z.string(), room: num, coverage: nullableNum, distanceKm: nullableNum, score: num, composite: num }),
  ),
});
export const salesSchema = z.object({
  shares: z.record(z.string(), nullableNum),
  value: num,
  total: num,
  share: nullableNum,
  outsideValue: num,
  outlets: z.array(outletSchema),
});
export const analysisResultSchema = z.object({
  scope: z.object({ network: z.string().nullable(), members: z.array(z.string()) }),
  unvalued: z.array(z.string()),
  leakage: leakageSchema,
  directShare: z.record(z.string(), nullableNum),
  chainShare: z.record(z.string(), nullableNum),
  links: z.array(linkSchema),
  gaps: z.array(gapSchema),
  /** null when the plan was not asked for (`plan: false`). */
  plan: planSchema.nullable(),
  circuits: z.array(z.array(z.string())),
  /** §3.8 (spec v1.1); each currency's members cut to the `limits.links` with the most units stuck. */
  currencies: z.array(currencyFiguresSchema),
  /** §3.9 (spec v1.1); outlets cut to `limits.links` and alternatives to `limits.substitutes`. */
  sales: salesSchema,
});

// ---- Beyond §4 ----
export const structureSchema = z.object({
  communities: z.object({ count: num, modularity: num, membership: z.record(z.string(), num), seed: num, method: z.enum(['graphology-louvain', 'array-louvain']) }),
  betweenness: z.object({
    approximate: z.boolean(),
    sources: num,
    nodes: num,
    top: z.array(z.object({ id: z.string(), value: num })),
  }),
});

export const criterionPartSchema = z.object({ criterion: z.string(), value: nullableNum, weight: num, contribution: num });
export const supplierExplanationSchema = z.object({
  enterprise: z.string(),
  solidarity: z.boolean(),
  score: num,
  criteria: z.array(criterionPartSchema),
  unknown: z.array(z.string()),
  ignored: z.array(z.string()),
  buyer: z.string().nullable(),
  distanceKm: nullableNum,
  proximity: nullableNum,
  composite: nullableNum,
  compositeWeights: z.object({ score: num, proximity: num }),
});
const offerPartSchema = z.object({ product: z.string(), spare: nullableNum, capacity: nullableNum, price: nullableNum });
export const linkExplanationSchema = z.object({
  flow: z.string(),
  value: nullableNum,
  priority: nullableNum,
  supplier: supplierExplanationSchema,
  substitutes: z.array(supplierExplanationSchema.extend({ offer: offerPartSchema, coverage: nullableNum })),
  leastBad: supplierExplanationSchema.extend({ offer: offerPartSchema, beats: num }).nullable(),
});
export const gapExplanationSchema = z.object({
  product: z.string(),
  fromFlows: z.array(z.object({ flow: z.string(), supplier: z.string(), buyer: z.string(), quantity: num })),
  unmetNeeds: z.array(z.object({ need: z.string(), enterprise: z.string(), unmet: num })),
  supply: z.array(z.object({ enterprise: z.string(), product: z.string(), spare: nullableNum })),
  referencePrice: z.object({ value: nullableNum, from: z.enum(['offers', 'flows']).nullable(), count: num }),
});

export const resolvedSettingsSchema = z.object({
  weights: z.record(z.string(), num),
  composite: z.object({ score: num, proximity: num }),
  tiers: num,
});

export const analyseOutputSchema = z.object({
  /** The §4 object; links cut to `limits.links` and substitutes to `limits.substitutes`. */
  result: analysisResultSchema,
  /** Full counts before any cut. */
  totals: z.object({ links: num, gaps: num, changes: num, members: num, outlets: num }),
  structure: structureSchema,
  /** Explanations of the first `limits.explain` links and gaps, in result order. */
  explanations: z.object({ links: z.array(linkExplanationSchema), gaps: z.array(gapExplanationSchema) }),
  settings: resolvedSettingsSchema,
  timings: z.record(z.string(), num),
});
export type AnalyseOutput = z.infer<typeof analyseOutputSchema>;

const scopeInput = {
  network: id.nullable().optional(),
  /** Use a saved profile's settings (then `settings` overrides parts of it). */
  profile: id.optional(),
  settings: engineSettingsSchema.optional(),
  tiers: z.number().int().min(1).max(50).optional(),
  jobId: z.string().min(1).max(100).optional(),
};

export const chainOutputSchema = z.object({
  enterprise: z.string(),
  solidarity: z.boolean(),
  directShare: nullableNum,
  chainShare: nullableNum,
  tiers: z.array(z.object({ tier: num, value: num, solidarityValue: num, enterprises: num })),
  /** Upstream enterprises carrying the most attributed value over all tiers. */
  top: z.array(z.object({ enterprise: z.string(), value: num, solidarity: z.boolean() })),
  /** Direct suppliers by value. */
  suppliers: z.array(z.object({ enterprise: z.string(), value: num, solidarity: z.boolean() })),
  settings: resolvedSettingsSchema,
});

export const profileSchema = z.object({ name: z.string().trim().min(1).max(100), settings: engineSettingsSchema });

const shareSentence = 'A share is the largest part of a price taken in the currency: above 0 and at most 1 (1 = the whole price).';
/** "If these enterprises accepted this currency" (shared/engine/currency-scenario.ts). */
export const acceptanceChangeSchema = z
  .object({
    currency: id,
    enterprises: z.array(id).min(1, 'Name at least one enterprise that would accept the currency.').max(10_000),
    share: z.number({ message: shareSentence }).gt(0, shareSentence).max(1, shareSentence).optional(),
    products: z.array(id).max(1000).optional(),
  })
  .strict();
export type AcceptanceChangeInput = z.infer<typeof acceptanceChangeSchema>;

export const scenarioSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  network: z.string().nullable(),
  createdAt: z.string(),
  changes: z.number().int(),
  /** How many acceptance changes (0 for a re-sourcing plan). */
  acceptances: z.number().int(),
});
export const scenarioSchema = scenarioSummarySchema.extend({
  settings: engineSettingsSchema,
  changes: z.array(planChangeSchema),
  acceptances: z.array(acceptanceChangeSchema),
});

export const figuresSchema = z.object({
  leakage: leakageSchema,
  /** Value-weighted solidarity share of the scope's inflow (1 − leakage share). */
  solidarityShare: nullableNum,
  /** Value of all flows into members: what the scope pays per period. */
  cost: num,
  /** Mean chain share over members that have one. */
  meanChainShare: nullableNum,
});
export const currencySummarySchema = z.object({
  payableValue: num,
  payableShare: nullableNum,
  earn: num,
  stuck: num,
  circulation: nullableNum,
  /** How many enterprises list it. */
  acceptors: num,
  nextAcceptors: z.array(nextAcceptorSchema),
});
export const currencyComparisonSchema = z.object({ currency: z.string(), kind: z.string().nullable(), before: currencySummarySchema, after: currencySummarySchema });

export const payablePurchaseSchema = z.object({ flow: z.string(), supplier: z.string(), product: z.string(), value: num, share: num, payable: num });
export const shopPayableSchema = z.object({
  enterprise: z.string(),
  purchasesTotal: num,
  valuedPurchases: num,
  unvaluedPurchases: num,
  currencies: z.array(
    z.object({
      currency: z.string(),
      kind: z.string().nullable(),
      held: z.boolean(),
      share: nullableNum,
      products: z.array(z.string()).nullable(),
      spend: num,
      earn: num,
      payableShare: nullableNum,
      stuck: num,
      purchases: z.array(payablePurchaseSchema),
    }),
  ),
});
export type ShopPayableOutput = z.infer<typeof shopPayableSchema>;

export const compareOutputSchema = z.object({
  before: figuresSchema,
  after: figuresSchema,
  members: z.array(
    z.object({ id: z.string(), directBefore: nullableNum, directAfter: nullableNum, chainBefore: nullableNum, chainAfter: nullableNum }),
  ),
  /** Changes that could not be applied (unknown line), with why. */
  skipped: z.array(z.object({ line: z.string(), reason: z.string() })),
  /** §3.8 per currency, before and after. */
  currencies: z.array(currencyComparisonSchema),
});
export type CompareOutput = z.infer<typeof compareOutputSchema>;

export const engineMethods = {
  'engine-analyse': defineMethod({
    summary: 'Analyses a network (or the whole catalogue): ENGINE.md §4, communities, betweenness and explanations. Runs in a worker.',
    write: false,
    input: z
      .object({
        ...scopeInput,
        /** Solve the re-sourcing plan (default true). */
        plan: z.boolean().default(true),
        limits: z
          .object({
            links: z.number().int().min(0).max(1_000_000).default(1000),
            substitutes: z.number().int().min(0).max(10_000).default(20),
            explain: z.number().int().min(0).max(10_000).default(50),
          })
          .strict()
          .default({ links: 1000, substitutes: 20, explain: 50 }),
      })
      .strict(),
    output: analyseOutputSchema,
  }),
  'engine-chain': defineMethod({
    summary: "One enterprise's direct and chain solidarity share, tier by tier.",
    write: false,
    input: z.object({ ...scopeInput, enterprise: id }).strict(),
    output: chainOutputSchema,
  }),
  'engine-payable': defineMethod({
    summary: "Which of an enterprise's purchases it could pay in each currency it accepts (ENGINE.md §3.8 from the shop's side). Runs in a worker.",
    write: false,
    input: z.object({ enterprise: id, network: id.nullable().optional(), jobId: z.string().min(1).max(100).optional() }).strict(),
    output: shopPayableSchema,
  }),
  'engine-explain-supplier': defineMethod({
    summary: "Why an enterprise scores what it does, and its composite as a supplier of a buyer.",
    write: false,
    input: z.object({ enterprise: id, buyer: id.optional(), profile: id.optional(), settings: engineSettingsSchema.optional() }).strict(),
    output: supplierExplanationSchema,
  }),
  'profile-list': defineMethod({
    summary: 'Saved engine settings, by name.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({ profiles: z.array(profileSchema) }),
  }),
  'profile-save': defineMethod({
    summary: 'Saves (or replaces) named engine settings.',
    write: true,
    input: profileSchema.strict(),
    output: z.object({ name: z.string() }),
  }),
  'profile-delete': defineMethod({
    summary: 'Removes a saved profile.',
    write: true,
    input: z.object({ name: z.string().min(1).max(100) }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  'scenario-save': defineMethod({
    summary: 'Saves a what-if scenario: plan changes and currency acceptances applied in memory, never to the recorded flows.',
    write: true,
    input: z
      .object({
        name: z.string().trim().min(1).max(200),
        network: id.nullable().optional(),
        settings: engineSettingsSchema.optional(),
        changes: z.array(planChangeSchema).max(1_000_000).default([]),
        acceptances: z.array(acceptanceChangeSchema).max(1000).default([]),
      })
      .strict(),
    output: z.object({ id: z.number().int() }),
  }),
  'scenario-list': defineMethod({
    summary: 'Saved scenarios, newest first.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({ scenarios: z.array(scenarioSummarySchema) }),
  }),
  'scenario-get': defineMethod({
    summary: 'One saved scenario with its changes.',
    write: false,
    input: z.object({ id: z.number().int() }).strict(),
    output: scenarioSchema,
  }),
  'scenario-delete': defineMethod({
    summary: 'Removes a saved scenario.',
    write: true,
    input: z.object({ id: z.number().int() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  'scenario-compare': defineMethod({
    summary: 'Shares, leakage, cost and each currency’s figures before and after a scenario (saved, or changes and acceptances given). Runs in a worker.',
    write: false,
    input: z
      .object({
        id: z.number().int().optional(),
        network: id.nullable().optional(),
        settings: engineSettingsSchema.optional(),
        changes: z.array(planChangeSchema).max(1_000_000).optional(),
        acceptances: z.array(acceptanceChangeSchema).max(1000).optional(),
        jobId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: compareOutputSchema,
  }),
};
