/**
 * A number as a person types it in their language: "1.250,5" (pt, es, fr), "1,250.5" (en),
 * "2,5" or "2.5" either way. A lone separator followed by exactly three digits is read as a
 * thousands separator in the locale that uses it ("1.000" is a thousand in pt-BR).
 * Empty text is undefined (not known); text that is not a number is NaN (the form says so).
 */
export function parseAmount(text: string, locale: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!s) return undefined;
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const group = decimal === ',' ? '.' : ',';
  const hasDot = s.includes('.');
  const hasComma = s.includes(',');
  let normal: string;
  if (hasDot && hasComma) {
    // Both: the last one is the decimal separator.
    const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    normal = s.slice(0, last).replace(/[.,]/g, '') + '.' + s.slice(last + 1);
  } else if (hasDot || hasComma) {
    const sep = hasDot ? '.' : ',';
    const parts = s.split(sep);
    const thousands = sep === group && parts.length > 1 && parts.slice(1).every((p) => p.length === 3);
    normal = thousands ? parts.join('') : parts.length === 2 ? parts.join('.') : 'x';
  } else normal = s;
  return /^-?\d*\.?\d+$/.test(normal) ? Number(normal) : NaN;
}

/** The text of a stored number in the form's box ('' when not known). */
export function amountText(n: number | null | undefined, locale: string): string {
  return n === null || n === undefined ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(n);
}
