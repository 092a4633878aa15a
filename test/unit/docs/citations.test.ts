// Citations of the project's docs/ pages: every `docs/<file>.md §<section>` in the source names a page that exists
// and a section that page has as a heading (`## §N …` / `### §N.M …`), and no source file cites the design
// folder's documents any more (`format.md §…` without `docs/`, `shared/…`).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const DOCS = join(ROOT, 'docs');
const SEC = String.raw`\d+(?:\.\d+)*`;
/** `docs/risk.md §4.1, §4.2`, `docs/format.md §1–§7`, `docs/lending.md §1.7, §2.2, §3.3, §4, §5`. */
const CITATION = new RegExp(String.raw`docs/([a-z-]+)\.md(?: §(${SEC})((?:(?:, | and |–)§${SEC})*))?`, 'g');
const OLD_FORMS: Array<[RegExp, string]> = [
  [/(?<!docs\/)\b(?:format|cli|risk|exchanges|defi)\.md ?§/, 'a design-folder document by section (write docs/<file>.md §N)'],
  [/\bshared\//, 'the shared design folder, which a clone does not have'],
  [/\b(?:spec|reference)\/(?:format|cli|risk|exchanges|defi|vscode|anchors)\.md/, 'a design-folder document'],
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|css|md)$/.test(name)) out.push(p);
  }
  return out;
}

/** The section ids a docs page has as headings, e.g. {"0", "1", "1.2"}. */
function sections(page: string): Set<string> {
  const text = readFileSync(join(DOCS, `${page}.md`), 'utf8');
  return new Set([...text.matchAll(new RegExp(String.raw`^#{2,3} §(${SEC})(?=\s|$)`, 'gm'))].map((m) => m[1]!));
}

interface Citation { file: string; line: number; page: string; section: string | null; text: string }

function citations(files: string[]): Citation[] {
  const out: Citation[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    lines.forEach((text, i) => {
      for (const m of text.matchAll(CITATION)) {
        const secs = m[2] === undefined ? [null] : [m[2], ...[...(m[3] ?? '').matchAll(new RegExp(`§(${SEC})`, 'g'))].map((x) => x[1]!)];
        for (const section of secs) out.push({ file: relative(ROOT, file), line: i + 1, page: m[1]!, section, text: m[0] });
      }
    });
  }
  return out;
}

function unresolved(list: Citation[]): string[] {
  const cache = new Map<string, Set<string> | null>();
  const bad: string[] = [];
  for (const c of list) {
    if (!cache.has(c.page)) cache.set(c.page, existsSync(join(DOCS, `${c.page}.md`)) ? sections(c.page) : null);
    const secs = cache.get(c.page);
    if (secs === null) bad.push(`${c.file}:${c.line}: docs/${c.page}.md does not exist (${c.text})`);
    else if (c.section !== null && !secs!.has(c.section)) bad.push(`${c.file}:${c.line}: docs/${c.page}.md has no heading §${c.section} (${c.text})`);
  }
  return bad;
}

describe('docs/ pages', () => {
  it('number their sections once each', () => {
    for (const name of readdirSync(DOCS).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      const text = readFileSync(join(DOCS, name), 'utf8');
      const ids = [...text.matchAll(new RegExp(String.raw`^#{2,3} §(${SEC})(?=\s|$)`, 'gm'))].map((m) => m[1]!);
      expect(ids.length, `${name} has § headings`).toBeGreaterThan(0);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), `${name}: duplicate section ids`).toEqual([]);
    }
  });

  it('cite each other by sections that exist', () => {
    const bad: string[] = [];
    for (const name of readdirSync(DOCS).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(DOCS, name), 'utf8');
      // `[venues.md §14.3](venues.md)` and `[lending.md §1.7, §2.2](lending.md)`
      for (const m of text.matchAll(new RegExp(String.raw`\[([a-z-]+)\.md §(${SEC})((?:(?:, | and |–)§${SEC})*)\]\(\1\.md\)`, 'g'))) {
        const page = m[1]!;
        if (!existsSync(join(DOCS, `${page}.md`))) { bad.push(`${name}: ${m[0]} (no such page)`); continue; }
        const have = sections(page);
        for (const s of [m[2]!, ...[...(m[3] ?? '').matchAll(new RegExp(`§(${SEC})`, 'g'))].map((x) => x[1]!)]) {
          if (!have.has(s)) bad.push(`${name}: ${m[0]} (no §${s})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

// enabled once citations are rewritten
describe('citations in the source', () => {
  const files = [...sourceFiles(join(ROOT, 'src')), join(ROOT, 'README.md')];

  it('name docs/ pages and sections that exist', () => {
    const list = citations(files);
    expect(list.length).toBeGreaterThan(0);
    expect(unresolved(list)).toEqual([]);
  });

  it('no longer cite the design folder', () => {
    const bad: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      readFileSync(file, 'utf8').split(/\r?\n/).forEach((text, i) => {
        for (const [re, what] of OLD_FORMS) if (re.test(text)) bad.push(`${relative(ROOT, file)}:${i + 1}: cites ${what}: ${text.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });
});
