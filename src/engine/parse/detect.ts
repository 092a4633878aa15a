// Which format (extension, else content) and which dialect (content, docs/format.md §5) a file is.
import type { Dialect, FileFormat } from '../core/types';
import { entry, type LNode } from './tree';
import { isFreqtradeStatus } from './freqtrade-status';

export function formatOf(path: string, text: string): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'json' || ext === 'jsonc') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'csv') return 'csv';
  return sniffFormat(text);
}

export function sniffFormat(text: string): FileFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return 'json';
  const first = t.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (!first.startsWith('#') && first.includes(',') && !/:\s/.test(first) && !first.startsWith('-')) return 'csv';
  return 'yaml';
}

export type DialectGuess = Dialect | 'unknown';

export function dialectOf(root: LNode | null): DialectGuess {
  if (root === null) return 'native';
  if (root.kind === 'array') return isFreqtradeStatus(root) ? 'freqtrade' : 'ccxt';
  if (root.kind !== 'object') return 'unknown';
  if (entry(root, 'version')) return 'native';
  if (entry(root, 'assetPositions') && (entry(root, 'marginSummary') || entry(root, 'crossMarginSummary'))) return 'hyperliquid';
  if (entry(root, 'exchange') && entry(root, 'positions')) return 'ccxt';
  if (entry(root, 'venue') || entry(root, 'positions') || entry(root, 'loans')) return 'native';
  return 'unknown';
}
