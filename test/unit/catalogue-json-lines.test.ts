import { describe, expect, it } from 'vitest';
import { itemLines } from '../../electron/core/import/formats/json-lines.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('item lines of a package', () => {
  it('gives the line where each item of each top-level list starts', () => {
    const text = [
      '{',
      '  "format": "teia-package", "version": 1,',
      '  "name": "a [tricky] {name}, with \\"quotes\\" and \\\\",',
      '  "products": [',
      '    {"id": "p1", "name": "]"},',
      '    {"id": "p2",',
      '     "name": "line\\nbreak", "names": {"pt": "[x]"}}',
      '  ],',
      '  "enterprises": [{"id": "e1", "name": "E", "solidarity": true, "activities": ["ICA10", "ICA20"]},',
      '',
      '   {"id": "e2", "name": "}", "solidarity": false}],',
      '  "flows": []',
      '}',
    ].join('\n');
    const lines = itemLines(enc(text));
    expect(lines.get('products')).toEqual([5, 6]);
    expect(lines.get('enterprises')).toEqual([9, 11]);
    expect(lines.get('flows')).toEqual([]);
    expect(lines.has('name')).toBe(false);
  });

  it('counts lines in a CRLF file and one with a multi-byte name the same way', () => {
    const text = '{"format":"teia-package",\r\n"enterprises":[\r\n{"id":"a","name":"Açúcar – São"},\r\n{"id":"b","name":"b"}]}';
    expect(itemLines(enc(text)).get('enterprises')).toEqual([3, 4]);
  });

  it('puts every item on line 1 of a minified file', () => {
    expect(itemLines(enc('{"flows":[{"a":1},{"a":2},{"a":3}]}')).get('flows')).toEqual([1, 1, 1]);
  });

  it('ends a string only at a quote not escaped, after any run of backslashes', () => {
    const text = '{"key\\\\": 1, "enterprises": [ {"n": "x\\\\\\"y\\\\"},\n{"n": "[{,"}\n, "s\\"]"\n], "flows": [1,\n2]}';
    JSON.parse(text); // valid JSON, as itemLines is only given after JSON.parse read it
    const lines = itemLines(enc(text));
    expect(lines.get('enterprises')).toEqual([1, 2, 3]);
    expect(lines.get('flows')).toEqual([4, 5]);
    expect(lines.has('key\\\\')).toBe(false);
  });

  it('reads as far as asked, and on past a key given twice until the count JSON.parse found', () => {
    const text = '{"flows": [{"a": 1}],\n"enterprises": [\n{"id": "e"}],\n"flows": [\n{"a": 2},\n{"a": 3}]}';
    const lines = itemLines(enc(text));
    expect(lines.get('enterprises')).toEqual([3]);
    expect(lines.get('flows', 2)).toEqual([5, 6]); // JSON.parse keeps the last "flows"
    expect(lines.get('offers')).toBeUndefined();
  });
});
