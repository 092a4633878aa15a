import { describe, expect, it } from 'vitest';
import { LineTracker } from '../../../src/extension/line-tracker';

describe('rows follow the edits of a document being typed in', () => {
  it('rows below an edit move by its line delta; rows on an edited line hide', () => {
    const t = new LineTracker([2, 5, 9, null]);
    t.apply([{ startLine: 3, endLine: 3, newLines: 2 }]); // two lines inserted on line 3
    expect([0, 1, 2, 3].map((i) => t.line(i))).toEqual([2, 7, 11, null]);
    t.apply([{ startLine: 7, endLine: 7, newLines: 0 }]); // typing on row 1's line
    expect(t.line(1)).toBeNull();
    t.apply([{ startLine: 0, endLine: 2, newLines: 0 }]); // lines 0..2 joined: row 0 is on them
    expect([0, 1, 2].map((i) => t.line(i))).toEqual([null, null, 9]);
  });
  it('several edits of one event apply to the text before it', () => {
    const t = new LineTracker([1, 4, 8]);
    t.apply([{ startLine: 0, endLine: 0, newLines: 1 }, { startLine: 6, endLine: 7, newLines: 0 }]);
    expect([0, 1, 2].map((i) => t.line(i))).toEqual([2, 5, 8]);
  });
});
