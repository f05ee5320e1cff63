import { formatMessage } from './format.ts';
import { defineMessages, locales, type Lang } from './registry.ts';

/**
 * Units of quantity as catalogues write them ("kg", "hour", "unit"; the package schema's
 * examples), translated and pluralised: 200 hours, 200 horas, 200 heures, 1 unité. A unit no
 * one listed here shows as written after the number.
 */
const P = (one: string, other: string) => `{n, plural, one {# ${one}} other {# ${other}}}`;
const same = (symbol: string) => `{n, number} ${symbol}`;

export const unitMessages = defineMessages({
  en: {
    kg: same('kg'), g: same('g'), t: same('t'), l: same('l'), ml: same('ml'), kWh: same('kWh'), m: same('m'), m2: same('m²'), m3: same('m³'),
    hour: P('hour', 'hours'), day: P('day', 'days'), month: P('month', 'months'), unit: P('unit', 'units'), piece: P('piece', 'pieces'),
    dozen: P('dozen', 'dozen'), box: P('box', 'boxes'), bag: P('bag', 'bags'), meal: P('meal', 'meals'), basket: P('basket', 'baskets'),
  },
  es: {
    kg: same('kg'), g: same('g'), t: same('t'), l: same('l'), ml: same('ml'), kWh: same('kWh'), m: same('m'), m2: same('m²'), m3: same('m³'),
    hour: P('hora', 'horas'), day: P('día', 'días'), month: P('mes', 'meses'), unit: P('unidad', 'unidades'), piece: P('pieza', 'piezas'),
    dozen: P('docena', 'docenas'), box: P('caja', 'cajas'), bag: P('bolsa', 'bolsas'), meal: P('comida', 'comidas'), basket: P('cesta', 'cestas'),
  },
  pt: {
    kg: same('kg'), g: same('g'), t: same('t'), l: same('l'), ml: same('ml'), kWh: same('kWh'), m: same('m'), m2: same('m²'), m3: same('m³'),
    hour: P('hora', 'horas'), day: P('dia', 'dias'), month: P('mês', 'meses'), unit: P('unidade', 'unidades'), piece: P('peça', 'peças'),
    dozen: P('dúzia', 'dúzias'), box: P('caixa', 'caixas'), bag: P('saco', 'sacos'), meal: P('refeição', 'refeições'), basket: P('cesta', 'cestas'),
  },
  fr: {
    kg: same('kg'), g: same('g'), t: same('t'), l: same('l'), ml: same('ml'), kWh: same('kWh'), m: same('m'), m2: same('m²'), m3: same('m³'),
    hour: P('heure', 'heures'), day: P('jour', 'jours'), month: P('mois', 'mois'), unit: P('unité', 'unités'), piece: P('pièce', 'pièces'),
    dozen: P('douzaine', 'douzaines'), box: P('boîte', 'boîtes'), bag: P('sac', 'sacs'), meal: P('repas', 'repas'), basket: P('panier', 'paniers'),
  },
});
type UnitKey = keyof typeof unitMessages.en;

/** Spellings catalogues use for the same unit ("hours", "h", "un", "kilogram"). */
const aliases: Record<string, UnitKey> = {
  h: 'hour', hr: 'hour', hrs: 'hour', hours: 'hour', hora: 'hour', horas: 'hour', heure: 'hour',
  kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg', litre: 'l', liter: 'l', litres: 'l', liters: 'l', lt: 'l', L: 'l',
  days: 'day', units: 'unit', un: 'unit', unid: 'unit', u: 'unit', pcs: 'piece', pieces: 'piece', tonne: 't', ton: 't', tonnes: 't',
  kwh: 'kWh', 'm²': 'm2', 'm³': 'm3',
};

function unitKey(unit: string): UnitKey | undefined {
  const u = unit.trim();
  if (Object.hasOwn(unitMessages.en, u)) return u as UnitKey;
  return aliases[u] ?? aliases[u.toLowerCase()];
}

/** "200 hours" in `lang`; quantities rounded to 2 decimals (catalogues record 0.6833333…). */
export function formatQuantity(lang: Lang, n: number, unit: string | null | undefined): string {
  const rounded = Math.round(n * 100) / 100;
  const key = unit ? unitKey(unit) : undefined;
  if (key) return formatMessage(unitMessages[lang][key], locales[lang], { n: rounded });
  const num = formatMessage('{n, number}', locales[lang], { n: rounded });
  return unit ? `${num} ${unit}` : num;
}

/** The unit's name alone, for a column heading ("Quantity (hours)"): its plural form. */
export function unitName(lang: Lang, unit: string): string {
  return formatQuantity(lang, 2, unit).replace(/^[\d\s.,\u202F\u00A0]+/, '');
}
