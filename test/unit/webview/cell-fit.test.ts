import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeElement, installFakeDom } from './fake-dom';
import { surelyFits } from '../../../src/webview/cell-fit';
import { COLUMNS, tableRow } from '../../../src/webview/view';
import { panelReport, row } from '../extension/fixtures';

beforeAll(installFakeDom);

/** The cells of a table row by column label. */
function cells(r: ReturnType<typeof row>): Map<string, FakeElement> {
  const tr = tableRow(panelReport([r]).rows[0]!, 0, false) as unknown as FakeElement;
  const tds = tr.children.filter((c): c is FakeElement => c instanceof FakeElement);
  return new Map(COLUMNS.map((c, i) => [c.label, tds[i]!]));
}

const clipped = (td: FakeElement | undefined): boolean => td!.classList.contains('clip');

describe('cell fit (a clip only where a text may not fit)', () => {
  it('bounds a width from above: digits 8 px, other ASCII 13.5 px, anything else 26 px a unit', () => {
    expect(surelyFits('1234567890', 80)).toBe(true);
    expect(surelyFits('12345678901', 80)).toBe(false);
    expect(surelyFits('BTCUSDT', 96)).toBe(true);
    expect(surelyFits('WWWWWWWW', 96)).toBe(false);
    expect(surelyFits('ⓈⓈⓈⓈ', 96)).toBe(false);
    expect(surelyFits('', 0)).toBe(true);
    expect(surelyFits('W'.repeat(10_000), 96)).toBe(false);
  });

  it('leaves the common cells of a row unclipped and clips a long name, a long account and a reason', () => {
    const plain = cells(row({ symbol: 'BTCUSDT' }));
    for (const label of ['Status', 'Symbol', 'Side', 'Size', 'Liq. price', 'Distance', 'P', 'MR / HF']) expect(clipped(plain.get(label)), label).toBe(false);
    const hostile = cells(row({ symbol: 'W'.repeat(10_000), account: 'a very long desk account name', status: 'unknown', reason: 'no mark price: the file gives none and no history is read' }));
    expect(clipped(hostile.get('Symbol'))).toBe(true);
    expect(clipped(hostile.get('Venue · account'))).toBe(true);
    expect(clipped(hostile.get('Fix'))).toBe(true);
  });

  it('clips a number too long for its column (a huge mark, grouped)', () => {
    expect(clipped(cells(row({ markPrice: '31967.27' })).get('Mark'))).toBe(false);
    expect(clipped(cells(row({ markPrice: '123456789012345678.5' })).get('Mark'))).toBe(true);
  });

  it('knows the widths styles.css gives the header cells', () => {
    const css = readFileSync('src/webview/styles.css', 'utf8');
    for (const c of COLUMNS) expect(Number(new RegExp(`th\\.${c.cls} \\{ width: (\\d+)px; \\}`).exec(css)?.[1]), c.cls).toBe(c.width);
  });
});
