// text-width.ts: a canvas measures a text once per font and text; an unparsable family list falls back to the generic
// family; no canvas (the fake DOM) gives null so callers use cell-fit's bounds.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Ctx = { font: string; measureText: (t: string) => { width: number } };

function installCanvas(family: string, accepts: (font: string) => boolean): { ctx: Ctx; measured: string[] } {
  const measured: string[] = [];
  let font = '10px sans-serif';
  const ctx: Ctx = {
    get font() { return font; },
    set font(v: string) { if (accepts(v)) font = v.replace(/^400 /, ''); },
    measureText: (t: string) => { measured.push(`${font}|${t}`); return { width: t.length * (font.includes('monospace') || font.includes('Mono') ? 7 : 6) }; },
  };
  const g = globalThis as Record<string, unknown>;
  g.document = { createElement: () => ({ getContext: () => ctx }), body: {}, documentElement: {} };
  g.getComputedStyle = () => ({ getPropertyValue: (name: string) => (name === '--ll-mono' ? family : '"Segoe UI", sans-serif') });
  return { ctx, measured };
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.document;
  delete g.getComputedStyle;
  vi.resetModules();
});

describe('text widths for the table', () => {
  it('measures in the panel font once per text', async () => {
    const { measured } = installCanvas('"Droid Sans Mono", monospace', () => true);
    const { textWidth } = await import('../../../src/webview/text-width');
    expect(textWidth('67,502.685', 12.5, '--ll-mono')).toBe(70);
    expect(textWidth('67,502.685', 12.5, '--ll-mono')).toBe(70);
    expect(measured).toEqual(['12.5px "Droid Sans Mono", monospace|67,502.685']);
  });
  it('falls back to the generic family when the canvas rejects the family list', async () => {
    const { measured } = installCanvas('var(--broken', (f) => !f.includes('var('));
    const { textWidth } = await import('../../../src/webview/text-width');
    expect(textWidth('849d', 10.5, '--ll-mono')).toBe(28);
    expect(measured).toEqual(['10.5px monospace|849d']);
  });
  it('is null without a canvas', async () => {
    (globalThis as Record<string, unknown>).document = { createElement: () => ({}) };
    const { textWidth } = await import('../../../src/webview/text-width');
    expect(textWidth('1', 12, '--ll-font')).toBeNull();
  });
});
