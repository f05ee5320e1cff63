import { formatMessage } from './format.ts';
import { defineMessages, locales, type Lang } from './registry.ts';

/**
 * Units of quantity as catalogues write them ("kg", "hour", "unit"; the package schema's
 * examples), translated and pluralised: 200 hours, 200 horas, 200 heures, 1 unité. A unit no
 * one listed here shows as written after the number.
 */
// Each text is `{n, plural, one {# hour} other {# hours}}` (or `{n, number} kg`) in the catalogues.
export const unitMessages = defineMessages('i18n.unit', {
  kg: ['n'],
  g: ['n'],
  t: ['n'],
  l: ['n'],
  ml: ['n'],
  kWh: ['n'],
  m: ['n'],
  m2: ['n'],
  m3: ['n'],
  hour: ['n'],
  day: ['n'],
  month: ['n'],
  unit: ['n'],
  piece: ['n'],
  dozen: ['n'],
  box: ['n'],
  bag: ['n'],
  meal: ['n'],
  basket: ['n'],
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
