/**
 * XML text for attribute values and element content. Names come from imported files and
 * may hold markup (`<img src=x onerror=alert(1)>`) or control characters that XML 1.0
 * forbids; both are made harmless here, once, for every XML exporter.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(value: string | number | boolean): string {
  return String(value)
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A finite number as XML Schema double text. */
export function xmlNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}
