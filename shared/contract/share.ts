import { z } from 'zod';
import { defineMethod } from './define.ts';

/** One enterprise as the printed catalogue lists it. */
export const printEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  nickname: z.string().nullable(),
  solidarity: z.boolean(),
  description: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  offers: z.array(z.object({ product: z.string(), price: z.number().nullable(), currency: z.string().nullable() })),
  currencies: z.array(z.string()),
});
export type PrintEntry = z.infer<typeof printEntrySchema>;

export const cataloguePrintSchema = z.object({
  title: z.string(),
  members: z.number().int(),
  solidarityMembers: z.number().int(),
  /** By activity (its label in the asked language; null = no activity recorded), then town. */
  groups: z.array(
    z.object({
      activity: z.string().nullable(),
      towns: z.array(z.object({ town: z.string().nullable(), entries: z.array(printEntrySchema) })),
    }),
  ),
  /** "Who sells honey?": every product offered, with who offers it. */
  products: z.array(z.object({ product: z.string(), enterprises: z.array(z.object({ id: z.string(), name: z.string() })) })),
  points: z.array(z.object({ lat: z.number(), lon: z.number(), solidarity: z.boolean() })),
});
export type CataloguePrint = z.infer<typeof cataloguePrintSchema>;

export const murmurationsExportSchema = z.object({
  fileName: z.string(),
  contentBase64: z.string(),
  written: z.number().int(),
  refused: z.array(z.object({ record: z.string(), kind: z.enum(['organization', 'offer', 'want', 'currency']), reasons: z.array(z.string()) })),
});

export const shareMethods = {
  'murmurations-export': defineMethod({
    summary: 'The catalogue as Murmurations profiles (validated offline) in one zip, to put on a web host under the given address.',
    input: z.object({ baseUrl: z.string().trim().min(8).max(500) }).strict(),
    output: murmurationsExportSchema,
    write: false,
  }),
  'catalogue-print': defineMethod({
    summary: 'What the printed catalogue lists: a network (or the whole catalogue) grouped by activity and town, with a product index.',
    input: z.object({ network: z.string().min(1).max(200).nullable().default(null), lang: z.enum(['en', 'es', 'pt', 'fr']).default('en') }).strict(),
    output: cataloguePrintSchema,
    write: false,
  }),
};
