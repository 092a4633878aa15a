// Typing slips in numbers (docs/format.md §1): thousands separators, a decimal comma, digit groups, a number split by a
// comma in a flow map. They are never read as a different number: the value is refused, and a correction is offered
// only when it is unambiguous.
//
// The rule for a comma (decided here, stated in the README):
// - `94,500`, `1,234,567.5`: the first group is 1–3 digits without a leading zero and every later group has exactly
//   3 digits → thousands separators; the fix is "94500" (the message also says how to write 94.5).
// - `1,5`, `0,500`, `1234,5`: one comma that cannot be a thousands separator → a decimal comma; the fix is "1.5".
// - `1.234,56` (dots every 3 digits, then one comma) → European grouping; the fix is "1234.56".
// - `94 500`, `94_500`, `94'500`: digit groups; the fix drops the separators.
// Anything else (two commas with groups that are not 3 digits, e.g. `1,50,0`) gets no fix.

export interface NumberSlip {
  /** Why the text is refused, with the fix if there is one. */
  advice: string;
  /** The decimal text meant, when unambiguous. */
  fix: string | null;
}

const SIGN = '[+-]?';
const THOUSANDS = new RegExp(`^${SIGN}[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?$`);
const DECIMAL_COMMA = new RegExp(`^${SIGN}\\d+,\\d+$`);
const EUROPEAN = new RegExp(`^${SIGN}[1-9]\\d{0,2}(\\.\\d{3})+,\\d+$`);
const GROUPS = new RegExp(`^${SIGN}[1-9]\\d{0,2}([ _'\u00a0\u202f]\\d{3})+(\\.\\d+)?$`);
const UNDERSCORES = new RegExp(`^${SIGN}\\d[\\d_]*(\\.[\\d_]*)?$`);

/** The slip a decimal text contains, or null when it is not one of these slips. */
export function numberSlip(raw: string): NumberSlip | null {
  const t = raw.trim();
  if (THOUSANDS.test(t)) {
    const fix = t.replace(/,/g, '');
    const asDecimal = /^[+-]?\d+,\d{3}$/.test(t) ? ` (if you meant a decimal comma, write "${t.replace(',', '.')}")` : '';
    return { advice: `thousands separators are not accepted; write "${fix}"${asDecimal}`, fix };
  }
  if (EUROPEAN.test(t)) {
    const fix = t.replace(/\./g, '').replace(',', '.');
    return { advice: `use a dot as the decimal separator and no thousands separators: "${fix}"`, fix };
  }
  if (DECIMAL_COMMA.test(t)) {
    const fix = t.replace(',', '.');
    return { advice: `use a dot as the decimal separator: "${fix}"`, fix };
  }
  if (GROUPS.test(t)) {
    const fix = t.replace(/[ _'\u00a0\u202f]/g, '');
    return { advice: `digit group separators are not accepted; write "${fix}"`, fix };
  }
  if (t.includes('_') && UNDERSCORES.test(t)) {
    const fix = t.replace(/_/g, '');
    return { advice: `digit separators are not accepted; write "${fix}"`, fix: /^[+-]?\d+(\.\d+)?$/.test(fix) ? fix : null };
  }
  if (/^[+-]?\d[\d,]*(\.\d+)?$/.test(t) && t.includes(',')) {
    return { advice: 'commas are not accepted in numbers; write the number with digits and one dot, e.g. "94500.5"', fix: null };
  }
  return null;
}

/**
 * The replacement text for a value at `offset` in `text`, in the quoting style of the source: a value written in
 * single or double quotes keeps them; a bare value is written as a quoted string (the recommended form of
 * docs/format.md §1) unless `bare` asks to keep it bare. In CSV a cell is written bare.
 */
export function inSourceStyle(text: string, offset: number, value: string, format: 'json' | 'yaml' | 'csv', bare = false): string {
  const q = text[offset];
  if (format === 'csv') return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  if (q === "'" && format === 'yaml') return `'${value.replace(/'/g, "''")}'`;
  if (q === '"') return JSON.stringify(value);
  return bare ? value : JSON.stringify(value);
}
