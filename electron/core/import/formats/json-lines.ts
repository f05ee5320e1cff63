/**
 * Source lines of the items of a JSON document's top-level arrays, without a second parse:
 * one pass over the bytes tracking strings and nesting (of a document JSON.parse has read). JSON.parse forgets positions, and a
 * rejected row must say where it is ("line 812") so a person can find it in their editor.
 * Returns, per top-level key whose value is an array, the 1-based line of each item's start.
 */
export function itemLines(bytes: Uint8Array): Map<string, number[]> {
  const result = new Map<string, number[]>();
  const QUOTE = 0x22, BACKSLASH = 0x5c, NL = 0x0a, LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d, COMMA = 0x2c;
  let line = 1;
  let depth = 0;
  let lastKey = '';
  let current: number[] | null = null; // lines of the array being read at depth 1 → 2
  let expectItem = false;
  const decoder = new TextDecoder();
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === NL) {
      line++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (expectItem && depth === 2 && c !== RBRACKET) {
      current?.push(line);
      expectItem = false;
    }
    if (c === QUOTE) {
      // A string ends at the next quote not escaped by an odd run of backslashes. Found by
      // indexOf (native), not byte by byte: strings are most of a package's bytes. A JSON
      // string holds no raw newline, so no line is skipped.
      let end = bytes.indexOf(QUOTE, i + 1);
      for (;;) {
        if (end < 0) return result;
        let slashes = 0;
        while (bytes[end - 1 - slashes] === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        end = bytes.indexOf(QUOTE, end + 1);
      }
      if (depth === 1) lastKey = decoder.decode(bytes.subarray(i + 1, end));
      i = end;
    } else if (c === LBRACE || c === LBRACKET) {
      depth++;
      if (depth === 2 && c === LBRACKET) {
        current = [];
        result.set(lastKey, current);
        expectItem = true;
      }
    } else if (c === RBRACE || c === RBRACKET) {
      if (depth === 2) current = null;
      depth--;
    } else if (c === COMMA && depth === 2 && current) {
      expectItem = true;
    }
  }
  return result;
}
