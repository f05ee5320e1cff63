import { z } from 'zod';

/**
 * The Teia package (../shared/spec/teia-package.schema.json) as zod schemas: the exchange
 * form of the catalogue and the engine's input. `.loose()` keeps unknown properties so an
 * importer can report them instead of dropping them silently.
 */
const id = z.string().min(1);
const stringMap = z.record(z.string(), z.string());
/** SQLite's length() stops at a NUL, so a name holding one would fail the table's check: refuse it here, row by row. */
const name = z
  .string()
  .min(1)
  .refine((s) => !s.includes('\u0000'), 'A name cannot contain the NUL character (often a sign of a file read with the wrong encoding).');

export const productSchema = z
  .object({
    id,
    name,
    names: stringMap.optional(),
    parent: z.string().nullable().optional(),
    unit: z.string().optional(),
    codes: stringMap.optional(),
  })
  .loose();

/**
 * What an enterprise accepts (ENGINE.md §3.8): a currency id, or `{currency, share, products}`
 * — up to `share` of a price, only for `products` (default: all of a price, everything).
 */
export const acceptanceSchema = z.union([
  id,
  z
    .object({
      currency: id,
      share: z.number().gt(0, 'A share is a part of a price above 0 (and at most 1).').max(1, 'A share is at most 1 (the whole price).').optional(),
      products: z.array(z.string()).optional(),
    })
    .strict(),
]);

export const CURRENCY_KINDS = ['social-currency', 'mutual-credit', 'time-credits', 'voucher'] as const;
export type CurrencyKind = (typeof CURRENCY_KINDS)[number];
export const CURRENCY_BACKINGS = ['full-reserve', 'fractional-reserve', 'none'] as const;

/** A social currency, mutual-credit unit, time credit or voucher defined in the package. */
export const currencySchema = z
  .object({
    id,
    name,
    kind: z.enum(CURRENCY_KINDS),
    unit: z.string().optional(),
    rate: z.number().gt(0).optional(),
    issuer: z.string().optional(),
    backing: z.enum(CURRENCY_BACKINGS).optional(),
    description: z.string().optional(),
    /** The products it may pay for (a voucher's scope); missing or empty = any. */
    products: z.array(z.string()).optional(),
  })
  .loose();

export const enterpriseSchema = z
  .object({
    id,
    name,
    /** The acronym or short name it is known by (Murmurations' `nickname`). Kept in the catalogue, not in packages: the package schema has no field for it. */
    nickname: z.string().optional(),
    description: z.string().optional(),
    solidarity: z.boolean(),
    criteria: z.record(z.string(), z.number().min(0).max(1)).optional(),
    legalForm: z.string().optional(),
    organisationalStructure: z.string().optional(),
    activities: z.array(z.string()).optional(),
    qualifiers: z.array(z.string()).optional(),
    street: z.string().optional(),
    locality: z.string().optional(),
    region: z.string().optional(),
    postcode: z.string().optional(),
    country: z.string().optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    website: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    currencies: z.array(acceptanceSchema).optional(),
    networks: z.array(z.string()).optional(),
    source: z.string().optional(),
  })
  .loose();

export const offerSchema = z
  .object({
    id: z.string().optional(),
    enterprise: z.string(),
    product: z.string(),
    capacity: z.number().min(0).optional(),
    price: z.number().min(0).optional(),
    currency: z.string().optional(),
    certifications: z.array(z.string()).optional(),
  })
  .loose();

export const needSchema = z
  .object({
    id: z.string().optional(),
    enterprise: z.string(),
    product: z.string(),
    quantity: z.number().min(0),
  })
  .loose();

export const flowSchema = z
  .object({
    id: z.string().optional(),
    supplier: z.string(),
    buyer: z.string(),
    product: z.string(),
    /** Missing = unknown (spec v1.1): the link is known, its amount is not. */
    quantity: z.number().min(0).optional(),
    value: z.number().min(0).optional(),
    currency: z.string().optional(),
    period: z.string().optional(),
  })
  .loose();

export const networkSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string().optional() })
  .loose();

export const packageSchema = z
  .object({
    format: z.literal('teia-package'),
    version: z.literal(1),
    name: z.string().optional(),
    description: z.string().optional(),
    products: z.array(productSchema).optional(),
    enterprises: z.array(enterpriseSchema).optional(),
    offers: z.array(offerSchema).optional(),
    needs: z.array(needSchema).optional(),
    flows: z.array(flowSchema).optional(),
    networks: z.array(networkSchema).optional(),
    currencies: z.array(currencySchema).optional(),
  })
  .loose();

export type Product = z.infer<typeof productSchema>;
export type Enterprise = z.infer<typeof enterpriseSchema>;
export type Offer = z.infer<typeof offerSchema>;
export type Need = z.infer<typeof needSchema>;
export type Flow = z.infer<typeof flowSchema>;
export type Network = z.infer<typeof networkSchema>;
export type Currency = z.infer<typeof currencySchema>;
export type Acceptance = z.infer<typeof acceptanceSchema>;
export type TeiaPackage = z.infer<typeof packageSchema>;

/** The engine's criteria set (ENGINE.md §2). Other criteria are kept but not scored. */
export const CRITERIA = [
  'ecological',
  'decent_work',
  'social_inclusion',
  'economic_democracy',
  'gender_equity',
  'transparency',
] as const;
export type Criterion = (typeof CRITERIA)[number];
