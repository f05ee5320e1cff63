import { describe, expect, it } from 'vitest';
import { fieldsOf, kindOfSheetName, RECORD_KINDS, suggestKindMapping } from '../../shared/domain/kinds.ts';
import { KIND_LABELS, LABEL_LANGS, SHEET_LABELS, label } from '../../shared/domain/kind-labels.ts';
import { conversion, knownUnit } from '../../electron/core/import/kinds/units.ts';
import { periodOf } from '../../electron/core/import/kinds/rows.ts';

describe('headers Teia writes read back as their fields', () => {
  it('in every language, for every kind (templates and exports round-trip)', () => {
    for (const kind of RECORD_KINDS) {
      for (const lang of LABEL_LANGS) {
        const fields = Object.keys(KIND_LABELS[kind]);
        const headers = fields.map((f) => label(kind, f, lang));
        const mapping = suggestKindMapping(kind, headers);
        for (const f of fields) expect(mapping[f], `${kind} ${f} in ${lang} ("${label(kind, f, lang)}")`).toBe(label(kind, f, lang));
        for (const f of fields) expect(fieldsOf(kind)).toContain(f);
      }
      for (const name of SHEET_LABELS[kind]) expect(kindOfSheetName(name)).toBe(kind);
    }
    expect(kindOfSheetName('Connections')).toBe('flows');
    expect(kindOfSheetName('Elements')).toBe('enterprises');
    expect(kindOfSheetName('Instruções')).toBeNull();
  });
});

describe('units and periods', () => {
  it('knows units as people write them and converts within one dimension only', () => {
    expect(knownUnit('Quilos')).toBe('kg');
    expect(knownUnit('toneladas')).toBe('t');
    expect(knownUnit('cestas')).toBeUndefined();
    expect(conversion('t', 'kg')).toBe(1000);
    expect(conversion('saca', 'kg')).toBe(60);
    expect(conversion('dúzia', 'unidade')).toBe(12);
    expect(conversion('kg', 'l')).toBeNull();
    expect(conversion('hour', 'h')).toBe(1);
  });

  it('reads years, dates and Excel date serials as periods', () => {
    expect(periodOf(2025)).toBe('2025');
    expect(periodOf(45658)).toBe('2025-01-01');
    expect(periodOf(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(periodOf('2025/2026')).toBe('2025/2026');
  });
});
