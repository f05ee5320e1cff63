/**
 * Bytes → text for the text formats. Files from spreadsheets and old maps arrive as UTF-8
 * (with or without a BOM) or as Windows-1252/Latin-1; the strict UTF-8 decoder tells the two
 * apart, because Latin-1 accented letters are not valid UTF-8 sequences.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: DecodedText['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // windows-1252 is a superset of Latin-1 for printable characters (the WHATWG decoder
    // maps the label latin1 to it too), so one fallback covers both.
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/** One line-break convention (LF) so that line numbers count CRLF, LF and a lone CR alike. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The first `max` bytes as text, for format detection (a cut multi-byte character is harmless). */
export function headText(bytes: Uint8Array, max = 4096): string {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, max));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
