// An XSS / escape corpus (issue 13 §6): what a hostile position file may put in any string it carries.
export const LONG_NAME = 'X'.repeat(10_000);

export const CORPUS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '" onmouseover="alert(1)" x="',
  'javascript:alert(1)',
  '<svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>',
  '\u202Egnp.exe\u202C bidi \u2066iso\u2069 \u200F',
  'zero\u200Bwidth\u200D\uFEFFjoin',
  LONG_NAME,
  '\u001b[31mred\u001b[0m \u001b]8;;http://evil\u0007link\u001b]8;;\u0007 \u009b31m',
  'carriage\rreturn',
  'line\n::error::pwned',
  '%0A::error::encoded %0D%0A',
  '::warning file=x::at start',
  '|pipe|`tick`*bold*[x](javascript:alert(1))',
  '$(zap) icon',
  '##vso[task.setvariable variable=x]1',
];

/** Raw characters that must never reach an output from file text. */
export const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** JSON text with every non-ASCII character escaped (valid JSON and valid YAML). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Lines that a CI runner would take as a command: `::name …` at the start (after blanks), `##vso[` anywhere. */
export function ciCommandLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s*::/.test(l) || l.includes('##vso['));
}
