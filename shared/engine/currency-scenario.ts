import type { Acceptance, Enterprise, TeiaPackage } from '../domain/package.ts';
import { acceptanceOf } from './currencies.ts';
import type { CurrencyFigures, NextAcceptor } from './types.ts';

/**
 * What-if for currencies: "if these suppliers accepted Sampa". Each acceptance change gives
 * a currency, the enterprises that would accept it, and optionally the share they would take
 * and the products they would take it for. It is applied to a copy of the package (the
 * recorded acceptances are never touched): the new entry goes first in each enterprise's list
 * and replaces any entry it had for that currency, since only the first entry counts (§3.8).
 */
export interface AcceptanceChange {
  currency: string;
  enterprises: string[];
  /** (0, 1]; default 1. */
  share?: number;
  /** Default: everything. */
  products?: string[];
}

/** The scope-wide §3.8 figures of one currency, without the per-member rows. */
export interface CurrencySummary {
  payableValue: number;
  payableShare: number | null;
  earn: number;
  stuck: number;
  circulation: number | null;
  acceptors: number;
  nextAcceptors: NextAcceptor[];
}

export interface CurrencyComparison {
  currency: string;
  kind: string | null;
  before: CurrencySummary;
  after: CurrencySummary;
}

/**
 * Sentences for whatever the package cannot take: an unknown currency (neither defined nor
 * accepted by anyone), enterprise or product, or a share outside (0, 1]. Empty when all is well.
 */
export function checkAcceptances(pkg: TeiaPackage, changes: AcceptanceChange[]): string[] {
  const currencies = new Set((pkg.currencies ?? []).map((c) => c.id));
  for (const e of pkg.enterprises ?? []) for (const a of e.currencies ?? []) currencies.add(acceptanceOf(a).currency);
  const enterprises = new Set((pkg.enterprises ?? []).map((e) => e.id));
  const products = new Set((pkg.products ?? []).map((p) => p.id));
  const problems: string[] = [];
  for (const c of changes) {
    if (!currencies.has(c.currency)) problems.push(`There is no currency "${c.currency}" in this catalogue: define it, or pick one of its currencies.`);
    if (c.share !== undefined && !(c.share > 0 && c.share <= 1)) problems.push(`A share is the largest part of a price taken in the currency: above 0 and at most 1 (${c.share} was given).`);
    for (const e of c.enterprises) if (!enterprises.has(e)) problems.push(`There is no enterprise "${e}" in this catalogue.`);
    for (const p of c.products ?? []) if (!products.has(p)) problems.push(`There is no product "${p}" in this catalogue.`);
  }
  return problems;
}

export function applyAcceptances(pkg: TeiaPackage, changes: AcceptanceChange[]): TeiaPackage {
  if (!changes.length) return pkg;
  // Per enterprise, the new entries in the order given (a later change for the same currency wins).
  const added = new Map<string, Map<string, Acceptance>>();
  for (const c of changes) {
    const entry: Acceptance =
      c.share === undefined && !c.products?.length ? c.currency : { currency: c.currency, ...(c.share !== undefined ? { share: c.share } : {}), ...(c.products?.length ? { products: c.products } : {}) };
    for (const e of c.enterprises) {
      let mine = added.get(e);
      if (!mine) added.set(e, (mine = new Map()));
      mine.set(c.currency, entry);
    }
  }
  const enterprises = (pkg.enterprises ?? []).map((e): Enterprise => {
    const mine = added.get(e.id);
    if (!mine) return e;
    const kept = (e.currencies ?? []).filter((a) => !mine.has(acceptanceOf(a).currency));
    return { ...e, currencies: [...mine.values(), ...kept] };
  });
  return { ...pkg, enterprises };
}

export function summary(c: CurrencyFigures): CurrencySummary {
  return {
    payableValue: c.payableValue,
    payableShare: c.payableShare,
    earn: c.earn,
    stuck: c.stuck,
    circulation: c.circulation,
    acceptors: c.acceptors.length,
    nextAcceptors: c.nextAcceptors,
  };
}

/** Every currency of either side (an acceptance cannot add one, so both lists hold the same ids). */
export function compareCurrencies(before: CurrencyFigures[], after: CurrencyFigures[]): CurrencyComparison[] {
  const byId = new Map(after.map((c) => [c.currency, c]));
  return before.map((b) => {
    const a = byId.get(b.currency) ?? b;
    return { currency: b.currency, kind: b.kind, before: summary(b), after: summary(a) };
  });
}
