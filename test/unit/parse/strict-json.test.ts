// The one-pass reader of strictly valid JSON (issue 10) gives the very tree the full reader gives, and gives up on
// everything the full reader has something to say about.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strictJson } from '../../../src/engine/parse/strict-json';
import { parseJsonFull, MAX_DEPTH } from '../../../src/engine/parse/json';
import { LineIndex } from '../../../src/engine/parse/lines';
import { Diags } from '../../../src/engine/parse/diags';

const full = (text: string) => {
  const diags = new Diags();
  return { tree: parseJsonFull(text, new LineIndex(text), diags, true), diags };
};
const fast = (text: string) => strictJson(text, new LineIndex(text), MAX_DEPTH);

describe('strict JSON fast path', () => {
  const valid = [
    '{"a": 1, "b": [true, false, null, -0.5e-7, 0, 12.75E+3], "c": {"d": "x\\\\y\\"z\\u00e9\\n"}}',
    '  [ ]  ', '{}', '"text"', '-12', '{\r\n  "version": 1,\r\n  "positions": [ { "id": "p1", "size": "0.5" } ]\r\n}\n',
    JSON.stringify({ k: Array.from({ length: 12 }, (_, i) => ({ [`key${i}`]: i })) }, null, 2),
  ];
  it.each(valid)('same tree as the full reader: %s', (text) => {
    const f = full(text);
    expect(f.diags.list).toEqual([]);
    expect(fast(text)).toEqual(f.tree);
  });

  it('the same tree on the JSON examples', () => {
    const dir = join(__dirname, '../../../examples');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(fast(text), name).toEqual(full(text).tree);
    }
  });

  const other = [
    '{"a": 1,}', '{"a": 1 // c\n}', '/* c */ {}', '{"a": 94,500}', '{"a": 94 500}', '{"a": 0x1F}', '{"a": NaN}', '{"a": .5}',
    '{"a": 01}', '{"a": 1, "a": 2}', '\uFEFF{}', '{"a": "x\ny"}', '{"a": tru}', '{"a": truex}', '', '   ', '{"a" 1}', '[1 2]',
    '{"a": "\\x"}', '{"a": 1} x', '[' .repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1), "{'a': 1}", '{a: 1}', '{"a": -}', '{"a": 1.}', '{"a": 1e}',
  ];
  it.each(other)('gives up on what the full reader reports: %s', (text) => {
    expect(fast(text)).toBeNull();
  });
});
