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
    currencies: z.array(z.string()).optional(),
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
    quantity: z.number().min(0),
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
  })
  .loose();

export type Product = z.infer<typeof productSchema>;
export type Enterprise = z.infer<typeof enterpriseSchema>;
export type Offer = z.infer<typeof offerSchema>;
export type Need = z.infer<typeof needSchema>;
export type Flow = z.infer<typeof flowSchema>;
export type Network = z.infer<typeof networkSchema>;
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
