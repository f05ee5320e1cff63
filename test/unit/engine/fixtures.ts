import type { Currency, Enterprise, Flow, Need, Offer, Product, TeiaPackage } from '../../../shared/domain/package.ts';

/** A small package from terse records; names default to ids. */
export function pkg(parts: {
  enterprises?: (Partial<Enterprise> & { id: string })[];
  products?: (Partial<Product> & { id: string })[];
  offers?: Offer[];
  needs?: Need[];
  flows?: Flow[];
  networks?: string[];
  currencies?: Currency[];
}): TeiaPackage {
  return {
    format: 'teia-package',
    version: 1,
    products: (parts.products ?? []).map((p) => ({ name: p.id, ...p })),
    enterprises: (parts.enterprises ?? []).map((e) => ({ name: e.id, solidarity: false, ...e })),
    offers: parts.offers ?? [],
    needs: parts.needs ?? [],
    flows: parts.flows ?? [],
    networks: (parts.networks ?? []).map((id) => ({ id, name: id })),
    ...(parts.currencies ? { currencies: parts.currencies } : {}),
  };
}

/** All six criteria at one value. */
export const allCriteria = (v: number) => ({
  ecological: v,
  decent_work: v,
  social_inclusion: v,
  economic_democracy: v,
  gender_equity: v,
  transparency: v,
});
