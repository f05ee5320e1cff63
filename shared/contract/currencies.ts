import { z } from 'zod';
import { enterpriseHitSchema } from './search.ts';
import { defineMethod } from './define.ts';
import { acceptanceSchema, CURRENCY_BACKINGS, CURRENCY_KINDS } from '../domain/package.ts';

/**
 * Social currencies, vouchers and time credits edited by hand (issue 13; ENGINE.md §3.8): a
 * currency's own page, its definition, and who accepts it (one enterprise, or many at once
 * from a directory selection). Every write answers with what its undo needs, as the chain
 * methods do: an update gives the previous record, a delete the deleted one with the
 * acceptances it took away, a bulk acceptance the entries it replaced.
 *
 * Problems the core finds (an unknown issuer or product, a product in a loop of broader
 * products, a duplicate id) come back with `details` of shared/domain/currency-problems.ts,
 * so the window says them in the person's language.
 */
const id = z.string().trim().min(1, 'An id cannot be empty.').max(200);
export const shareSchema = z
  .number({ error: 'A share must be a number.' })
  .gt(0, 'A share is a part of a price above 0 (and at most 1).')
  .max(1, 'A share is at most 1 (the whole price).');
/** Product ids; empty or missing means every product. */
const productIds = z.array(id).max(500);
const enterpriseIds = z.array(id).min(1, 'Choose at least one enterprise.').max(10_000);

export const currencyFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'A name is required.').max(200),
    kind: z.enum(CURRENCY_KINDS, { error: 'Choose what kind of currency it is.' }),
    unit: z.string().trim().min(1).max(40).optional(),
    rate: z.number({ error: 'A rate must be a number.' }).gt(0, 'A rate is the value of one unit in money, above 0.').max(1e9).optional(),
    /** Id of the issuing enterprise (a community bank, a time bank, a funder). */
    issuer: id.optional(),
    backing: z.enum(CURRENCY_BACKINGS).optional(),
    description: z.string().trim().min(1).max(5000).optional(),
    /** What it may pay for (a voucher's scope); missing or empty = anything. */
    products: productIds.optional(),
  })
  .strict();
export type CurrencyFields = z.infer<typeof currencyFieldsSchema>;

export const storedCurrencySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** null: enterprises accept it but nobody has defined it (ENGINE.md §3.8). */
  kind: z.enum(CURRENCY_KINDS).nullable(),
  unit: z.string().nullable(),
  rate: z.number().nullable(),
  issuer: z.string().nullable(),
  backing: z.enum(CURRENCY_BACKINGS).nullable(),
  description: z.string().nullable(),
  products: z.array(z.string()).nullable(),
  /** Its place in the catalogue's list (the package's order on export). */
  position: z.number().int(),
});
export type StoredCurrency = z.infer<typeof storedCurrencySchema>;

/** One enterprise's entry for a currency as stored: what an undo puts back exactly. */
export const acceptanceEntrySchema = z
  .object({
    share: shareSchema.nullable(),
    products: productIds.nullable(),
    position: z.number().int().min(0),
    /** Written as {currency: …} rather than a plain id (export gives the same form back). */
    asObject: z.boolean(),
  })
  .strict();
export type AcceptanceEntry = z.infer<typeof acceptanceEntrySchema>;

/** An enterprise's entry before a change: null when it had none. */
export const acceptanceStateSchema = z.object({ enterprise: id, entry: acceptanceEntrySchema.nullable() }).strict();
export type AcceptanceState = z.infer<typeof acceptanceStateSchema>;

const relatedProductSchema = z.object({ id: z.string(), name: z.string(), names: z.record(z.string(), z.string()) });
export type RelatedProduct = z.infer<typeof relatedProductSchema>;

export const currencyAcceptorSchema = z.object({
  // The same enterprise fields a search hit carries, without its distance and matches.
  enterprise: enterpriseHitSchema.pick({ id: true, name: true, solidarity: true, locality: true, region: true, country: true, lat: true, lon: true }),
  /** null: the whole price. */
  share: z.number().nullable(),
  /** null: for everything the currency may pay for. */
  products: z.array(relatedProductSchema).nullable(),
  /**
   * True when none of those products is within what the currency itself may pay for (a food
   * voucher taken "for cleaning products"): the entry is kept, but pays for nothing (§3.8).
   */
  outsideScope: z.boolean(),
});
export type CurrencyAcceptor = z.infer<typeof currencyAcceptorSchema>;

export const currencyPageSchema = z.object({
  currency: storedCurrencySchema,
  issuer: z.object({ id: z.string(), name: z.string(), solidarity: z.boolean() }).nullable(),
  /** The currency's own product limit, named; null = anything. */
  products: z.array(relatedProductSchema).nullable(),
  /** Who accepts it, by name; cut at 5,000 (then `truncated`). */
  acceptors: z.array(currencyAcceptorSchema),
  acceptorCount: z.number().int(),
  truncated: z.boolean(),
  /** Networks with at least one member that accepts it, most acceptors first. */
  networks: z.array(z.object({ id: z.string(), name: z.string(), acceptors: z.number().int() })),
});
export type CurrencyPage = z.infer<typeof currencyPageSchema>;

export const currencyMethods = {
  'currency-get': defineMethod({
    summary: 'A currency with its issuer, what it pays for, who accepts it (share and products) and the networks it is used in.',
    write: false,
    input: z.object({ id }).strict(),
    output: currencyPageSchema,
  }),
  'currency-create': defineMethod({
    summary:
      'Defines a currency (its id made from the name when not given). An id that enterprises accept but nobody defined is defined by it; a defined one is refused.',
    write: true,
    input: currencyFieldsSchema.extend({ id: id.optional(), position: z.number().int().min(0).optional() }).strict(),
    output: z.object({ currency: storedCurrencySchema }),
  }),
  'currency-update': defineMethod({
    summary: 'Sets every field of a currency to the ones given (a field left out is cleared); answers with the previous one, for undo.',
    write: true,
    input: currencyFieldsSchema.extend({ id }).strict(),
    output: z.object({ previous: storedCurrencySchema, currency: storedCurrencySchema }),
  }),
  'currency-delete': defineMethod({
    summary:
      'Removes a currency. When enterprises accept it, only with withAcceptances (their acceptance goes too); answers with both, for undo (currency-restore).',
    write: true,
    input: z.object({ id, withAcceptances: z.boolean().default(false) }).strict(),
    output: z.object({
      deleted: storedCurrencySchema,
      acceptances: z.array(z.object({ enterprise: z.string(), entry: acceptanceEntrySchema })),
    }),
  }),
  'currency-restore': defineMethod({
    summary: 'Puts back a deleted currency and the acceptances its delete took away (the undo of currency-delete).',
    write: true,
    input: z
      .object({
        currency: storedCurrencySchema.extend({ id, name: z.string().trim().min(1).max(200) }),
        acceptances: z.array(z.object({ enterprise: id, entry: acceptanceEntrySchema }).strict()).max(100_000).default([]),
      })
      .strict(),
    output: z.object({ id: z.string(), acceptances: z.number().int() }),
  }),
  'currency-accept': defineMethod({
    summary:
      'These enterprises accept the currency, up to a share of a price, for some products (default: the whole price, everything); an entry they had for it is replaced. Answers with the entries before, for undo.',
    write: true,
    input: z.object({ currency: id, enterprises: enterpriseIds, share: shareSchema.optional(), products: productIds.optional() }).strict(),
    output: z.object({ previous: z.array(acceptanceStateSchema), changed: z.number().int() }),
  }),
  'currency-unaccept': defineMethod({
    summary: 'These enterprises no longer accept the currency. Answers with the entries removed, for undo.',
    write: true,
    input: z.object({ currency: id, enterprises: enterpriseIds }).strict(),
    output: z.object({ previous: z.array(acceptanceStateSchema), changed: z.number().int() }),
  }),
  'currency-acceptance-restore': defineMethod({
    summary: 'Puts enterprises’ entries for a currency back as they were (the undo of currency-accept and currency-unaccept).',
    write: true,
    input: z.object({ currency: id, entries: z.array(acceptanceStateSchema).min(1).max(10_000) }).strict(),
    output: z.object({ restored: z.number().int() }),
  }),
  'enterprise-currencies-set': defineMethod({
    summary: 'Sets everything an enterprise accepts, in order; answers with its list before, for undo.',
    write: true,
    input: z.object({ enterprise: id, currencies: z.array(acceptanceSchema).max(200) }).strict(),
    output: z.object({ previous: z.array(acceptanceSchema) }),
  }),
};
