// The panel delta's changes: counts of rows added, removed and updated, and only the keys whose chart data was sent.
import { describe, expect, it } from 'vitest';
import { PendingChanges } from '../../../src/extension/panel/pending-changes';

const keys = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('pending changes', () => {
  it('counts every change and lists only the keys whose details were sent', () => {
    const c = new PendingChanges();
    c.detailsSent('u3');
    c.detailsSent('r1');
    c.detailsSent('never-changed');
    c.add({ added: keys('a', 1000), removed: keys('r', 5), updated: keys('u', 10) });
    c.add({ added: [], removed: [], updated: keys('u', 10) });
    expect(c.take()).toEqual({ added: 1000, removed: 5, updated: 20, stale: ['r1', 'u3'] });
    // dropped once: a key is stale again only after its details are sent again
    c.add({ added: [], removed: [], updated: ['u3', 'never-changed'] });
    expect(c.take()).toEqual({ added: 0, removed: 0, updated: 2, stale: ['never-changed'] });
    c.detailsSent('u3');
    c.add({ added: [], removed: [], updated: ['u3'] });
    expect(c.take().stale).toEqual(['u3']);
  });

  it('a whole model resets what the webview holds; old sends are forgotten past the cap', () => {
    const c = new PendingChanges();
    c.detailsSent('k');
    c.add({ added: ['x'], removed: [], updated: [] });
    c.reset();
    c.add({ added: [], removed: [], updated: ['k'] });
    expect(c.take()).toEqual({ added: 0, removed: 0, updated: 1, stale: [] });
    for (const k of keys('s', 300)) c.detailsSent(k);
    c.add({ added: [], removed: keys('s', 300), updated: [] });
    const stale = c.take().stale;
    expect(stale.length).toBe(256);
    expect(stale[0]).toBe('s44');
    expect(stale.at(-1)).toBe('s299');
  });
});
