import { z } from 'zod';
import { defineMethod } from './define.ts';

/**
 * Typing a chain by hand (issue 10 §3): offers, needs and flows written one at a time from an
 * enterprise's page or the chain interview, plus the partners and products created in place.
 *
 * Records are addressed by `row`, the catalogue's position of the record (offers, needs and
 * flows keep their package order in it, and one without an id is known to the engine by that
 * position). Every write answers with what its undo needs: a create gives the new record (undo:
 * delete it), an update gives the previous record (undo: update back), a delete gives the
 * deleted record with its row (undo: create it again at the same row, so positional names hold).
 */
const ref = z.string().trim().min(1).max(200);
const row = z.number().int().min(1);
const amount = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .finite()
    .min(0, `${what} cannot be negative.`)
    .max(1e15, `${what} is too large.`);
const currency = z.string().trim().regex(/^[\p{L}\p{N}_.-]{1,40}$/u, 'A currency is a short code such as BRL or EUR.');
/** A period as people write it: "2026", "2026-03", "2026-Q1", "harvest 2025". */
const period = z.string().trim().min(1).max(60);

export const offerFieldsSchema = z
  .object({
    enterprise: ref,
    product: ref,
    capacity: amount('The capacity').nullable().optional(),
    price: amount('The price').nullable().optional(),
    currency: currency.nullable().optional(),
    certifications: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  })
  .strict();
export type OfferFields = z.infer<typeof offerFieldsSchema>;

export const needFieldsSchema = z
  .object({ enterprise: ref, product: ref, quantity: amount('The quantity') })
  .strict();
export type NeedFields = z.infer<typeof needFieldsSchema>;

const flowObject = z
  .object({
    supplier: ref,
    buyer: ref,
    product: ref,
    /** Left out or null: a known link of unknown amount (ENGINE.md v1.1). */
    quantity: amount('The quantity').nullable().optional(),
    value: amount('The value').nullable().optional(),
    /** Price per unit: the value is price × quantity. Needs a quantity. */
    price: amount('The price').nullable().optional(),
    currency: currency.nullable().optional(),
    period: period.nullable().optional(),
  })
  .strict();

/** The checks a flow's fields allow on their own; the core checks the records they name. */
function checkFlow(f: z.infer<typeof flowObject>, ctx: z.RefinementCtx) {
  if (f.supplier === f.buyer) {
    ctx.addIssue({ code: 'custom', path: ['buyer'], message: 'The buyer cannot also be the supplier: a flow goes from one enterprise to another.' });
  }
  if (f.price != null && f.quantity == null) {
    ctx.addIssue({ code: 'custom', path: ['price'], message: 'A price per unit needs a quantity; without one, give the total value instead.' });
  }
  if (f.price != null && f.quantity != null && f.value != null) {
    const expected = f.price * f.quantity;
    if (Math.abs(expected - f.value) > Math.max(0.01, Math.abs(expected) * 1e-6)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'The value does not match the price times the quantity; give one of the two.' });
    }
  }
}
export const flowFieldsSchema = flowObject.superRefine(checkFlow);
export type FlowFields = z.infer<typeof flowFieldsSchema>;

export const storedOfferSchema = z.object({
  row: z.number().int(),
  id: z.string().nullable(),
  enterprise: z.string(),
  product: z.string(),
  capacity: z.number().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  certifications: z.array(z.string()),
});
export type StoredOffer = z.infer<typeof storedOfferSchema>;

export const storedNeedSchema = z.object({
  row: z.number().int(),
  id: z.string().nullable(),
  enterprise: z.string(),
  product: z.string(),
  quantity: z.number(),
});
export type StoredNeed = z.infer<typeof storedNeedSchema>;

export const storedFlowSchema = z.object({
  row: z.number().int(),
  id: z.string().nullable(),
  supplier: z.string(),
  buyer: z.string(),
  product: z.string(),
  quantity: z.number().nullable(),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  period: z.string().nullable(),
});
export type StoredFlow = z.infer<typeof storedFlowSchema>;

/** Given on create only by an undo of a delete: the record's old id and row come back with it. */
const restoreKeys = { id: z.string().trim().min(1).max(200).optional(), row: row.optional() };

const languages = z.enum(['en', 'es', 'pt', 'fr']);

export const chainMethods = {
  'offer-create': defineMethod({
    summary: 'Adds an offer: an enterprise offers a product (capacity, price per unit).',
    write: true,
    input: offerFieldsSchema.extend(restoreKeys).strict(),
    output: z.object({ offer: storedOfferSchema }),
  }),
  'offer-update': defineMethod({
    summary: 'Sets every field of an offer to the ones given (a field left out is cleared); answers with the previous offer, for undo.',
    write: true,
    input: offerFieldsSchema.extend({ row }).strict(),
    output: z.object({ previous: storedOfferSchema, offer: storedOfferSchema }),
  }),
  'offer-delete': defineMethod({
    summary: 'Removes an offer; answers with it, for undo.',
    write: true,
    input: z.object({ row }).strict(),
    output: z.object({ deleted: storedOfferSchema }),
  }),
  'need-create': defineMethod({
    summary: 'Adds a need: an enterprise needs a quantity of a product.',
    write: true,
    input: needFieldsSchema.extend(restoreKeys).strict(),
    output: z.object({ need: storedNeedSchema }),
  }),
  'need-update': defineMethod({
    summary: 'Sets every field of a need to the ones given; answers with the previous need, for undo.',
    write: true,
    input: needFieldsSchema.extend({ row }).strict(),
    output: z.object({ previous: storedNeedSchema, need: storedNeedSchema }),
  }),
  'need-delete': defineMethod({
    summary: 'Removes a need; answers with it, for undo.',
    write: true,
    input: z.object({ row }).strict(),
    output: z.object({ deleted: storedNeedSchema }),
  }),
  'flow-create': defineMethod({
    summary: 'Adds a flow: a supplier sells a product to a buyer (quantity, value or price per unit, period); the quantity may be unknown.',
    write: true,
    input: flowObject.extend(restoreKeys).strict().superRefine(checkFlow),
    output: z.object({ flow: storedFlowSchema }),
  }),
  'flow-update': defineMethod({
    summary: 'Sets every field of a flow to the ones given (a field left out is cleared); answers with the previous flow, for undo.',
    write: true,
    input: flowObject.extend({ row }).strict().superRefine(checkFlow),
    output: z.object({ previous: storedFlowSchema, flow: storedFlowSchema }),
  }),
  'flow-delete': defineMethod({
    summary: 'Removes a flow; answers with it, for undo.',
    write: true,
    input: z.object({ row }).strict(),
    output: z.object({ deleted: storedFlowSchema }),
  }),
  'partner-create': defineMethod({
    summary:
      'Adds an enterprise named as a supplier or buyer while typing a chain: not solidarity and not yet classified, since nobody has said (undo: enterprise-delete).',
    write: true,
    input: z.object({ name: z.string().trim().min(1, 'A name is required.').max(500) }).strict(),
    output: z.object({ id: z.string(), name: z.string() }),
  }),
  'product-create': defineMethod({
    summary: 'Adds a product to the taxonomy, at the root or under a parent; the id is made from its name.',
    write: true,
    input: z
      .object({
        name: z.string().trim().min(1, 'A name is required.').max(300),
        names: z.partialRecord(languages, z.string().trim().min(1).max(300)).optional(),
        parent: ref.nullable().optional(),
        unit: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), name: z.string() }),
  }),
};
