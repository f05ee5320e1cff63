/**
 * Bytes → text for the text formats. Files from spreadsheets and old maps arrive as UTF-8
 * (with or without a BOM) or as Windows-1252/Latin-1; the strict UTF-8 decoder tells the two
 * apart, because Latin-1 accented letters are not valid UTF-8 sequences.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: DecodedText['encoding'] = 'utf-8';
  // Spreadsheets' "Unicode text" is UTF-16 with a byte-order mark.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
    encoding = utf16;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      // windows-1252 is a superset of Latin-1 for printable characters, so one fallback covers
      // both. Decoded by hand: Node's TextDecoder('windows-1252') gives C1 controls for 0x80–0x9F.
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A text file has no NUL characters; they come from UTF-16 read without its mark, and SQLite
  // text stops at them. Dropping them reads such a file's ASCII text correctly.
  if (text.includes('\u0000')) text = text.replaceAll('\u0000', '');
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

/** 0x80–0x9F in Windows-1252 (€, smart quotes, dashes…); 0 marks the five unassigned bytes. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b);
    if (chunk.length === 8192) parts.push(String.fromCharCode(...chunk.splice(0)));
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}
