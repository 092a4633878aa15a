// Terminal facts for the text table: width from COLUMNS (100 when unknown) and whether to colour
// (NO_COLOR wins, FORCE_COLOR forces, else only on a TTY: https://no-color.org, https://force-color.org).
import type { DisplayStatus } from './row-shape';

export interface Terminal {
  width: number;
  color: boolean;
}

export const DEFAULT_WIDTH = 100;

export function terminalOf(env: Record<string, string | undefined>, isTty: boolean, columns?: number): Terminal {
  const fromEnv = Number.parseInt(env['COLUMNS'] ?? '', 10);
  const width = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : columns && columns > 0 ? columns : DEFAULT_WIDTH;
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const force = env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false';
  return { width, color: !noColor && (force || isTty) };
}

const SGR: Record<DisplayStatus, string> = {
  liquidatable: '1;31',
  critical: '31',
  warning: '33',
  watch: '36',
  unknown: '1;35',
  safe: '32',
};

export function ansi(code: string, text: string): string {
  return `\u001b[${code}m${text}\u001b[0m`;
}

/** A status word in its colour (the word is always there: colour is never the only signal). */
export function paintStatus(status: DisplayStatus, text: string): string {
  return ansi(SGR[status], text);
}

export const bold = (text: string): string => ansi('1', text);
export const dim = (text: string): string => ansi('2', text);
