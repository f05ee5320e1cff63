import { z } from 'zod';
import { defineMethod } from './define.ts';

/** A place the person sets ("near me"): results get a distance and nearer ones go first. */
export const nearSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();
export type Near = z.infer<typeof nearSchema>;

/** Language code for product names ("pt", "es"…); an unknown one falls back to the main name. */
const lang = z.string().min(2).max(10).optional();

/** An offer of a matched product, as a result shows it. */
export const offerHitSchema = z.object({
  productId: z.string(),
  productName: z.string(),
  price: z.number().nullable(),
  capacity: z.number().nullable(),
  currency: z.string().nullable(),
  /**
   * Set on an offer the catalogue does not record but search infers: a shop (retail or trade
   * activity) buys this product, so it sells it. The supplier it buys from, by name.
   */
  inferredFrom: z.string().optional(),
});
export type OfferHit = z.infer<typeof offerHitSchema>;

/**
 * How an enterprise matched, best first: every word in its name; a name starting with the words;
 * a product it offers (or a narrower one); the words found across its text (description, place,
 * activities, products together); only approximately (a typo).
 */
export const matchKinds = ['name', 'name-prefix', 'product', 'text', 'fuzzy'] as const;
export type MatchKind = (typeof matchKinds)[number];

/**
 * How an enterprise accepts a currency (ENGINE.md §3.8): up to `share` of a price (null: the
 * whole price), only for `products` (null: everything), names in the requested language.
 */
export const acceptanceHitSchema = z.object({
  currency: z.string(),
  share: z.number().nullable(),
  products: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
});
export type AcceptanceHit = z.infer<typeof acceptanceHitSchema>;

export const enterpriseHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  solidarity: z.boolean(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** Kilometres from `near` (haversine); null without `near` or without coordinates. */
  distanceKm: z.number().nullable(),
  match: z.enum(matchKinds),
  /** Offers of the products the query matched (empty when it matched only text). */
  offers: z.array(offerHitSchema),
  /** Currencies the enterprise accepts (social currencies, time credits, vouchers). */
  currencies: z.array(z.string()),
  /** The same, each with the share and the products it is taken for. */
  acceptances: z.array(acceptanceHitSchema),
});
export type EnterpriseHit = z.infer<typeof enterpriseHitSchema>;

export const productHitSchema = z.object({
  id: z.string(),
  /** In the requested language when the product has a translation. */
  name: z.string(),
  /** Names of the broader products, root first ("Food › Coffee" for organic coffee). */
  path: z.array(z.string()),
  match: z.enum(['name', 'name-prefix', 'fuzzy']),
});
export type ProductHit = z.infer<typeof productHitSchema>;

export const supplierSchema = z.object({
  id: z.string(),
  name: z.string(),
  solidarity: z.boolean(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  distanceKm: z.number().nullable(),
  /** ENGINE.md §2 score: mean of the six criteria, a missing one counting 0. */
  score: z.number(),
  /** How many of the six criteria are recorded (the rest counted as 0). */
  criteriaKnown: z.number().int(),
  offers: z.array(offerHitSchema),
  currencies: z.array(z.string()),
  acceptances: z.array(acceptanceHitSchema),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const currencySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** null for a currency enterprises accept that nobody defined (ENGINE.md §3.8). */
  kind: z.enum(['social-currency', 'mutual-credit', 'time-credits', 'voucher']).nullable(),
  issuer: z.string().nullable(),
  description: z.string().nullable(),
});
export type Currency = z.infer<typeof currencySchema>;

export const searchMethods = {
  'search-query': defineMethod({
    summary:
      'Enterprises and products matching what a person typed: accent- and case-insensitive, tolerant of a typo, product matches widened to narrower products; solidarity enterprises first among equal matches, then the nearest.',
    write: false,
    input: z
      .object({
        // Any text is accepted (it is never syntax); the core reads at most its first 200 characters.
        q: z.string(),
        near: nearSchema.optional(),
        limit: z.number().int().min(1).max(200).default(20),
        lang,
        /** Keep only enterprises that accept this currency (for the products found, when they offer one). */
        currency: z.string().min(1).max(200).optional(),
      })
      .strict(),
    output: z.object({
      enterprises: z.array(enterpriseHitSchema),
      products: z.array(productHitSchema),
      tookMs: z.number(),
    }),
  }),
  'search-offers': defineMethod({
    summary:
      'Who offers a product (or a narrower one): solidarity enterprises nearest first; when there is none, the other enterprises, best social-and-ecological score first.',
    write: false,
    input: z
      .object({
        product: z.string().min(1).max(200),
        near: nearSchema.optional(),
        /** Keep only suppliers that accept this currency for the product (or price their offer of it in it). */
        currency: z.string().min(1).max(200).optional(),
        lang,
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({
      product: z.object({ id: z.string(), name: z.string(), path: z.array(z.string()) }),
      /** 'solidarity': solidarity suppliers found; 'least-bad': none, these are the others; 'none': nobody offers it. */
      mode: z.enum(['solidarity', 'least-bad', 'none']),
      suppliers: z.array(supplierSchema),
    }),
  }),
  'currency-list': defineMethod({
    summary: 'Every currency the catalogue knows, for the "accepts my currency" filter.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({ currencies: z.array(currencySchema) }),
  }),
};
