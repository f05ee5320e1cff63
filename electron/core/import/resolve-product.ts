import type { Db } from '../db/open.ts';
import type { Product } from '../../../shared/domain/package.ts';

/**
 * Finds the product a cell names: its id, an HS code (any of its codes, digits compared, so
 * "0901" and "09.01" are one), or its name in any of the four languages, compared without
 * accents, case or punctuation ("Café" = "cafe" = "Coffee" when the taxonomy names it so).
 */
const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const codeKey = (s: string) => s.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

export class ProductIndex {
  private readonly byId = new Map<string, Product>();
  private readonly byCode = new Map<string, Product>();
  private readonly byName = new Map<string, Product>();

  static fromCatalogue(db: Db): ProductIndex {
    const index = new ProductIndex();
    const rows = db.prepare('SELECT id, name, names, parent, unit, codes FROM products ORDER BY position').all() as {
      id: string; name: string; names: string; parent: string | null; unit: string | null; codes: string;
    }[];
    for (const r of rows) {
      const p: Product = { id: r.id, name: r.name, names: JSON.parse(r.names) as Record<string, string>, parent: r.parent, codes: JSON.parse(r.codes) as Record<string, string> };
      if (r.unit) p.unit = r.unit;
      index.add(p);
    }
    return index;
  }

  add(p: Product): void {
    this.byId.set(p.id, p);
    for (const code of Object.values(p.codes ?? {})) if (!this.byCode.has(codeKey(code))) this.byCode.set(codeKey(code), p);
    for (const n of [p.name, ...Object.values(p.names ?? {})]) if (!this.byName.has(key(n))) this.byName.set(key(n), p);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Product | undefined {
    return this.byId.get(id);
  }

  find(text: string, hs?: string): Product | undefined {
    if (hs) {
      const byHs = this.byCode.get(codeKey(hs));
      if (byHs) return byHs;
    }
    return this.byId.get(text) ?? this.byName.get(key(text)) ?? (/^[\d.\s]+$/.test(text) ? this.byCode.get(codeKey(text)) : undefined);
  }
}
