/**
 * Source lines of the items of a JSON document's top-level arrays, without a second parse:
 * one pass over the bytes tracking strings and nesting (of a document JSON.parse has read).
 * JSON.parse forgets positions, and a rejected row must say where it is ("line 812") so a
 * person can find it in their editor. Gives, per top-level key whose value is an array, the
 * 1-based line of each item's start.
 *
 * The pass goes only as far as it is asked: a package lists its enterprises (whose lines are
 * kept as provenance) before a million flows, whose lines are needed only for a rejected row.
 * Reading a key's lines scans until that key's array has closed with as many items as the
 * caller expects (a key given twice: JSON.parse keeps the last), or to the end.
 */
export class ItemLines {
  private readonly result = new Map<string, number[]>();
  /** Top-level arrays read to their end, with their item counts. */
  private readonly closed = new Map<string, number>();
  private i = 0;
  private line = 1;
  private depth = 0;
  private lastKey = '';
  private current: number[] | null = null; // lines of the array being read at depth 1 → 2
  private currentKey = '';
  private expectItem = false;
  private readonly decoder = new TextDecoder();

  constructor(private readonly bytes: Uint8Array) {}

  /** The lines of `key`'s items; `count`, when known, is how many items JSON.parse found there. */
  get(key: string, count?: number): number[] | undefined {
    while (this.i < this.bytes.length && !(this.closed.has(key) && (count === undefined || this.closed.get(key) === count))) this.step();
    return this.result.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Reads on until the next top-level array closes, or to the end. */
  private step(): void {
    const QUOTE = 0x22, BACKSLASH = 0x5c, NL = 0x0a, LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d, COMMA = 0x2c;
    const bytes = this.bytes;
    let { i, line, depth, expectItem } = this;
    try {
      for (; i < bytes.length; i++) {
        const c = bytes[i];
        if (c === NL) {
          line++;
          continue;
        }
        if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
        if (expectItem && depth === 2 && c !== RBRACKET) {
          this.current?.push(line);
          expectItem = false;
        }
        if (c === QUOTE) {
          // A string ends at the next quote not escaped by an odd run of backslashes. Found by
          // indexOf (native), not byte by byte: strings are most of a package's bytes. A JSON
          // string holds no raw newline, so no line is skipped.
          let end = bytes.indexOf(QUOTE, i + 1);
          for (;;) {
            if (end < 0) {
              i = bytes.length;
              return;
            }
            let slashes = 0;
            while (bytes[end - 1 - slashes] === BACKSLASH) slashes++;
            if (slashes % 2 === 0) break;
            end = bytes.indexOf(QUOTE, end + 1);
          }
          if (depth === 1) this.lastKey = this.decoder.decode(bytes.subarray(i + 1, end));
          i = end;
        } else if (c === LBRACE || c === LBRACKET) {
          depth++;
          if (depth === 2 && c === LBRACKET) {
            this.current = [];
            this.currentKey = this.lastKey;
            this.result.set(this.lastKey, this.current);
            expectItem = true;
          }
        } else if (c === RBRACE || c === RBRACKET) {
          depth--;
          if (depth === 1 && this.current) {
            this.closed.set(this.currentKey, this.current.length);
            this.current = null;
            i++;
            return;
          }
          if (depth === 1) this.current = null;
        } else if (c === COMMA && depth === 2 && this.current) {
          expectItem = true;
        }
      }
    } finally {
      Object.assign(this, { i, line, depth, expectItem });
    }
  }
}

export function itemLines(bytes: Uint8Array): ItemLines {
  return new ItemLines(bytes);
}
