import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseFile } from '../../../src/engine/parse';
import { historyPaths } from '../../../src/engine/evaluate/history-refs';

describe('history files a position file reads', () => {
  it('resolves each market history relative to the file, once', () => {
    const text = 'version: 1\nvenue: generic-linear\nwalletBalance: "1"\nmarkets:\n  A: { markPrice: "1", mmr: "0.01", history: data/a.csv }\n  B: { markPrice: "1", mmr: "0.01", history: ../b.csv }\npositions:\n  - { symbol: A, side: long, size: "1", entryPrice: "1" }\n  - { symbol: A, side: short, size: "1", entryPrice: "1" }\n  - { symbol: B, side: long, size: "1", entryPrice: "1" }\n';
    const parsed = parseFile('desk/x.positions.yaml', text);
    expect(historyPaths(parsed, '/ws/desk/x.positions.yaml').sort()).toEqual([resolve('/ws/b.csv'), resolve('/ws/desk/data/a.csv')].sort());
    expect(historyPaths(null, '/ws/x')).toEqual([]);
  });
});
