import { z } from 'zod';
import { defineMethod } from './define.ts';

/**
 * Editing the product taxonomy and the networks by hand (issue 10 §3). Each write answers
 * with what its undo needs: the previous product, the rows a merge re-pointed, the members a
 * bulk add or remove actually changed.
 */
const id = z.string().trim().min(1).max(200);
const langs = z.enum(['en', 'es', 'pt', 'fr']);
const productName = z.string().trim().min(1, 'A name is required.').max(300);

export const productRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  parent: z.string().nullable(),
  unit: z.string().nullable(),
});
export type ProductRecord = z.infer<typeof productRecordSchema>;

const rows = z.array(z.number().int().min(1)).max(1_000_000);
const productList = z.string().max(100_000);

/** What a merge moved, and what its undo needs to put back. */
const mergeAnswerSchema = z
  .object({
    removed: productRecordSchema.extend({ id, name: productName }),
    into: id,
    offers: rows,
    needs: rows,
    flows: rows,
    children: z.array(id).max(100_000),
    restore: z
      .object({
        codes: z.string().max(10_000),
        position: z.number().int(),
        importId: z.number().int().nullable(),
        keptParent: id.nullable(),
        currencies: z.array(z.object({ id, products: productList }).strict()).max(10_000),
        acceptances: z.array(z.object({ enterprise: id, currency: id, products: productList }).strict()).max(1_000_000),
      })
      .strict(),
  })
  .strict();

const members = z.array(id).min(1, 'Choose at least one enterprise.').max(100_000);

export const taxonomyEditMethods = {
  'product-list': defineMethod({
    summary: 'The product taxonomy in tree order (each product after its parent), with its depth and how many offers, needs and flows name it.',
    write: false,
    input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(2000) }).strict(),
    output: z.object({
      total: z.number().int(),
      items: z.array(productRecordSchema.extend({ depth: z.number().int(), uses: z.number().int() })),
    }),
  }),
  'product-update': defineMethod({
    summary:
      'Renames a product (main name and per language; null clears a language), moves it under another parent (null: to the root; a cycle is refused), or changes its unit. Answers with the previous record.',
    write: true,
    input: z
      .object({
        id,
        name: productName.optional(),
        names: z.partialRecord(langs, productName.nullable()).optional(),
        parent: id.nullable().optional(),
        unit: z.string().trim().min(1).max(40).nullable().optional(),
      })
      .strict(),
    output: z.object({ previous: productRecordSchema, product: productRecordSchema }),
  }),
  'product-merge': defineMethod({
    summary:
      'Merges one product into another: its offers, needs and flows, its narrower products and the currency limits naming it move to the one kept, and it is removed. Answers with what moved, which product-unmerge takes back.',
    write: true,
    input: z
      .object({ from: id, into: id })
      .strict()
      .refine((m) => m.from !== m.into, { message: 'A product cannot be merged into itself.', path: ['into'] }),
    output: mergeAnswerSchema,
  }),
  'product-unmerge': defineMethod({
    summary: 'Undoes a product-merge from its answer: the product comes back and the rows it lost return to it (those not edited since).',
    write: true,
    input: mergeAnswerSchema,
    output: z.object({ product: productRecordSchema, offers: z.number().int(), needs: z.number().int(), flows: z.number().int() }),
  }),
  'network-create': defineMethod({
    summary: 'Adds a network; the id is made from its name when not given (undo: network-delete).',
    write: true,
    input: z
      .object({ name: z.string().trim().min(1, 'A name is required.').max(300), description: z.string().trim().max(2000).optional(), id: id.optional() })
      .strict(),
    output: z.object({ id: z.string(), name: z.string() }),
  }),
  'network-delete': defineMethod({
    summary: 'Removes a network and its memberships (the enterprises stay). Answers with its members, for undo.',
    write: true,
    input: z.object({ id }).strict(),
    output: z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), members: z.array(z.string()) }),
  }),
  'network-members-add': defineMethod({
    summary: 'Makes enterprises members of a network. Answers with those that were not members yet (undo: remove them).',
    write: true,
    input: z.object({ network: id, enterprises: members }).strict(),
    output: z.object({ added: z.array(z.string()) }),
  }),
  'network-members-remove': defineMethod({
    summary: 'Ends the membership of enterprises in a network. Answers with those that were members (undo: add them back).',
    write: true,
    input: z.object({ network: id, enterprises: members }).strict(),
    output: z.object({ removed: z.array(z.string()) }),
  }),
};
