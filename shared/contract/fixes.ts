import { z } from 'zod';
import { defineMethod } from './define.ts';

/**
 * Fixes offered in place where a screen says what is missing (issue 15): the sample loaded
 * into an empty catalogue, and a price that values the flows of a product that carry a
 * quantity but no value. Every write answers with what its undo needs.
 */
const ref = z.string().trim().min(1).max(200);
const currency = z.string().trim().regex(/^[A-Z]{3}$/, 'A currency of account is a three-letter code such as BRL or EUR.');

/** The flows of one product the engine cannot value (ENGINE.md §2 value(f)). */
export const unvaluedProductSchema = z.object({
  product: z.string(),
  /** Every flow of the product without a value. */
  flows: z.number().int(),
  /** Of those, the ones with a quantity: a price per unit values them. */
  priceable: z.number().int(),
});

const previousValue = z.object({ row: z.number().int(), value: z.number().nullable(), currency: z.string().nullable() });

export const fixMethods = {
  'catalogue-load-sample': defineMethod({
    summary: 'Loads the illustrative sample into an empty catalogue (refused once it has enterprises, so nothing is mixed in).',
    write: true,
    input: z.object({}).strict(),
    output: z.object({ loaded: z.boolean() }),
  }),
  'flows-unvalued': defineMethod({
    summary: 'The products whose flows carry no value the engine can use, with how many of them a price per unit would value.',
    write: false,
    input: z.object({ network: ref.nullable().default(null) }).strict(),
    output: z.object({ products: z.array(unvaluedProductSchema), total: z.number().int() }),
  }),
  'product-flows-price': defineMethod({
    summary:
      'Values every flow of a product that has a quantity and no value at the price per unit given (value = quantity × price, in the currency given). Answers with the flows’ previous values, for undo.',
    write: true,
    input: z
      .object({
        product: ref,
        price: z.number({ error: 'The price must be a number.' }).finite().positive('The price must be more than 0.').max(1e12, 'The price is too large.'),
        currency: currency.nullable(),
        network: ref.nullable().default(null),
      })
      .strict(),
    output: z.object({ valued: z.number().int(), previous: z.array(previousValue) }),
  }),
  'flow-values-restore': defineMethod({
    summary: 'Puts back the values and currencies of flows (the undo of product-flows-price).',
    write: true,
    input: z.object({ flows: z.array(previousValue.extend({ row: z.number().int().min(1), value: z.number().min(0).nullable() })).max(1_000_000) }).strict(),
    output: z.object({ restored: z.number().int() }),
  }),
};
