// Text mutations of a seed file: the slips and attacks real files carry (truncation, deleted or doubled spans,
// hostile number spellings, control and bidi characters, nesting), chosen by fast-check so failures shrink.
import fc from 'fast-check';

const HOSTILE_TOKENS = [
  '1e400000', '-0', '0x1F', 'Infinity', '-Infinity', 'NaN', '1_000', '94,500', '1,5', '.5', '5.', '+5', '--5', '1e-400000',
  '99999999999999999999999999999999999999', '"', "'", '\\', '{', '}', '[', ']', ':', ',', '- ', '&a', '*a', '!!binary',
  '<<: *a', '\u0000', '\u202e', '\u200b', '\r', '\r\n', '\t', '#', '%YAML 1.2', '---', '...', '"\\u0000"', '<script>alert(1)</script>',
  'javascript:alert(1)', '../../../etc/passwd', '/etc/shadow', 'C:\\Windows\\win.ini', 'null', 'true', '~', '[]', '{}',
];

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'replace-number'; nth: number; token: string }
  | { kind: 'swap-lines'; a: number; b: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const token = fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((at) => ({ kind: 'truncate' as const, at })),
  fc.record({ at: fraction, len: fc.integer({ min: 1, max: 40 }) }).map((r) => ({ kind: 'delete' as const, ...r })),
  fc.record({ at: fraction, len: fc.integer({ min: 1, max: 200 }) }).map((r) => ({ kind: 'duplicate' as const, ...r })),
  fc.record({ at: fraction, token }).map((r) => ({ kind: 'insert' as const, ...r })),
  fc.record({ nth: fc.nat(60), token }).map((r) => ({ kind: 'replace-number' as const, ...r })),
  fc.record({ a: fc.nat(80), b: fc.nat(80) }).map((r) => ({ kind: 'swap-lines' as const, ...r })),
);

export function applyMutation(text: string, m: Mutation): string {
  const pos = (f: number): number => Math.min(text.length, Math.floor(f * text.length));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.len);
    case 'duplicate':
      return text.slice(0, pos(m.at) + m.len) + text.slice(pos(m.at));
    case 'insert':
      return text.slice(0, pos(m.at)) + m.token + text.slice(pos(m.at));
    case 'replace-number': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?/g)];
      if (numbers.length === 0) return text;
      const n = numbers[m.nth % numbers.length]!;
      return text.slice(0, n.index) + m.token + text.slice(n.index! + n[0].length);
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });
export const applyAll = (text: string, ms: Mutation[]): string => ms.reduce(applyMutation, text);
