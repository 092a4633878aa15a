// Every output stays inert (issue 13 §6), the editor and the panel: fake rows carrying the corpus in every string
// → Problems, hover, CodeLens, after-line text, quick pick and the Apply confirmation hold no raw control, bidi or
// zero-width character, cap long names and render no markup; the webview builds its DOM with textContent only.
import { beforeAll, describe, expect, it } from 'vitest';
import { atRiskPickItem, codeLensTitle, decorationText, fileDiagnosticSpec, hoverMarkdown, rowMessage } from '../../../src/extension/problems';
import { confirmationMessage } from '../../../src/extension/fix-confirmation';
import { tableRow } from '../../../src/webview/view';
import { detailsPane } from '../../../src/webview/details';
import { panelReport, row, watchRow } from '../extension/fixtures';
import { FakeElement, installFakeDom } from '../webview/fake-dom';
import { CORPUS, RAW_UNSAFE } from './inert-corpus';
import type { ResultRow } from '../../../src/engine/evaluate/report';

function hostileRows(s: string): ResultRow[] {
  // venue: a name the file wrote that the engine does not know (the row carries it as written)
  const strings = { symbol: s, account: s, id: s, venue: s as ResultRow['venue'], settleCurrency: s, file: `${s}.positions.yaml`, reason: s };
  return [
    watchRow({ ...strings, fix: { target: 'safe', addMargin: '81597.4', reduceSize: '1000', costOptimalMargin: null, reason: s } }),
    row({ ...strings, kind: 'loan', status: 'critical', healthFactor: '1.04', fix: { target: 'safe', addCollateral: { [s]: '4.2' }, repayDebt: { [s]: '100' }, reason: s } }),
    row({ ...strings, status: 'unknown', liquidationPrice: null, distance: null, liquidationProbability: null }),
  ];
}

// names are cut at 48 code points, paths at 120 (their end kept), messages at 600
const LONG = /X{121}/;

describe('editor texts of hostile rows', () => {
  it.each(CORPUS.map((s, i) => [i, s] as const))('corpus #%i', (_i, s) => {
    for (const r of hostileRows(s)) {
      const pick = atRiskPickItem(r);
      const plain = [decorationText(r), codeLensTitle(r), rowMessage(r), pick.label, pick.description, pick.detail,
        fileDiagnosticSpec({ severity: 'error', code: 'x', message: `bad value ${s}`, line: 1, column: 1, endLine: 1, endColumn: 2 }).message,
        confirmationMessage(`Add 1 ${s}`, [{ field: s, from: s, to: '2' }], `${s}.positions.yaml`)];
      for (const t of plain) {
        expect(t).not.toMatch(RAW_UNSAFE);
        expect(t).not.toMatch(/[\r\n]/);
        expect(t).not.toMatch(LONG);
        expect(t.length).toBeLessThan(2_000);
      }
      // only our own status icon renders in CodeLens and quick pick
      for (const t of [codeLensTitle(r), pick.label, pick.description, pick.detail]) expect(t.replace(/^\$\([a-z-]+\) /, '')).not.toMatch(/(^|[^\\])\$\(/);
      const md = hoverMarkdown(r);
      expect(md).not.toMatch(RAW_UNSAFE);
      expect(md).not.toMatch(LONG);
      expect(md).not.toMatch(/<(script|img|svg|a)\b/i);
      expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/);
      // the hover's table keeps its two columns: every file `|` is escaped
      for (const line of md.split('\n').filter((l) => l.startsWith('| '))) expect(line.split(/(?<!\\)\|/).length).toBe(4);
    }
  });
});

describe('the panel renders hostile rows as text', () => {
  beforeAll(installFakeDom);
  const handlers = { onReveal: () => undefined, onApplyFix: () => undefined };
  const el = (x: unknown): FakeElement => x as FakeElement;

  it.each(CORPUS.map((s, i) => [i, s] as const))('corpus #%i', (_i, s) => {
    const msg = panelReport(hostileRows(s));
    for (const r of msg.rows) {
      const nodes = [el(tableRow(r, 0, true)), ...detailsPane(r, msg.summary, undefined, handlers).map(el)];
      const all = nodes.flatMap((n) => n.all());
      for (const e of all) {
        expect(e.tagName).toMatch(/^[a-z][a-z0-9]*$/); // no element named by file text
        expect(['script', 'img', 'iframe', 'object', 'embed', 'a', 'foreignobject']).not.toContain(e.tagName.toLowerCase());
        // no attribute that loads or runs anything (href, src, on*): file text in title/data-*/aria-* stays text
        for (const k of e.attributes.keys()) expect(k).toMatch(/^(class|role|tabindex|title|scope|type|style|disabled|id|aria-[a-z]+|data-[a-z-]+)$/);
      }
      // the file's text is there, as text
      expect(nodes.map((n) => n.textContent).join('')).toContain(s.slice(0, 20));
    }
  });
});
