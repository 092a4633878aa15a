// A file's Problems are set in parts of at most PART diagnostics over several collections (one short host task each):
// together they hold exactly the file's list, parts no longer needed are cleared, a part that holds the same is not
// sent again, and a newer refresh stops an older one.
import { describe, expect, it } from 'vitest';
import { PART, ProblemSets, type Collection } from '../../../src/extension/problem-sets';

function fakes() {
  const made = new Map<string, Map<string, readonly number[]>>();
  const calls: string[] = [];
  const create = (name: string): Collection<string, number> => {
    const data = new Map<string, readonly number[]>();
    made.set(name, data);
    return {
      set: (uri, d) => { calls.push(`set ${name} ${d.length}`); data.set(uri, d); },
      delete: (uri) => { calls.push(`delete ${name}`); data.delete(uri); },
      dispose: () => data.clear(),
    };
  };
  const all = (uri: string) => [...made.values()].flatMap((m) => m.get(uri) ?? []);
  return { made, calls, create, all };
}

const pause = () => Promise.resolve();
const list = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('Problems in parts', () => {
  it('splits a file\'s list into parts (of 200 here), in order, and clears the parts it no longer needs', async () => {
    const f = fakes();
    const sets = new ProblemSets('ll', 1000, f.create, String, 200);
    expect([...f.made.keys()]).toEqual(['ll', 'll-2', 'll-3', 'll-4', 'll-5']);
    await sets.set('a', list(1000), pause, () => true);
    expect(f.all('a')).toEqual(list(1000));
    expect(f.calls).toEqual(['set ll 200', 'set ll-2 200', 'set ll-3 200', 'set ll-4 200', 'set ll-5 200']);
    f.calls.length = 0;
    await sets.set('a', list(200 + 1), pause, () => true);
    expect(f.all('a')).toEqual(list(200 + 1));
    expect(f.calls).toEqual(['set ll-2 1', 'delete ll-3', 'delete ll-4', 'delete ll-5']); // the first part holds the same 200
    f.calls.length = 0;
    await sets.set('a', [], pause, () => true);
    expect(f.all('a')).toEqual([]);
    expect(f.calls).toEqual(['set ll 0', 'delete ll-2']);
    f.calls.length = 0;
    await sets.set('b', list(3), pause, () => true); // a small file: one set, nothing else
    expect(f.calls).toEqual(['set ll 3']);
    sets.delete('b');
    expect(f.all('b')).toEqual([]);
  });

  it('sends PART diagnostics a set by default, over as many collections as 1,000 a file need', async () => {
    const f = fakes();
    const sets = new ProblemSets('ll', 1000, f.create, String);
    expect(f.made.size).toBe(Math.ceil(1000 / PART));
    await sets.set('a', list(1000), pause, () => true);
    expect(f.all('a')).toEqual(list(1000));
    expect(f.calls.every((c) => c === `set ${c.split(' ')[1]} ${PART}`)).toBe(true);
  });

  it('sends only the parts that changed', async () => {
    const f = fakes();
    const sets = new ProblemSets('ll', 1000, f.create, String, 200);
    await sets.set('a', list(900), pause, () => true);
    f.calls.length = 0;
    await sets.set('a', list(900), pause, () => true); // the same again: nothing sent
    expect(f.calls).toEqual([]);
    const changed = list(900);
    changed[650] = -1; // one diagnostic of the fourth part
    await sets.set('a', changed, pause, () => true);
    expect(f.calls).toEqual(['set ll-4 200']);
    expect(f.all('a')).toEqual(changed);
    f.calls.length = 0;
    await sets.set('new', [], pause, () => true); // a file without problems, never set: nothing to send
    expect(f.calls).toEqual([]);
  });

  it('stops between parts once the refresh is no longer current', async () => {
    const f = fakes();
    const sets = new ProblemSets('ll', 1000, f.create, String, 200);
    let current = true;
    await sets.set('a', list(700), async () => { current = false; }, () => current);
    expect(f.calls).toEqual(['set ll 200']);
    await sets.set('a', list(50), pause, () => true);
    expect(f.all('a')).toEqual(list(50));
  });
});
