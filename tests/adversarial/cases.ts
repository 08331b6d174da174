/**
 * The adversarial battery's cases (issue 16): articles of pathological shape, numerals, encodings,
 * file-system cases and broken rule files, each with what must happen to it — processed with its
 * claims, or refused with a named reason.
 *
 * Sizes are small by default so `npm test` stays quick; CLAIMS_ADVERSARIAL=full gives the sizes
 * the issue reported (200 KB of headings … a 3 MB table). Write the cases to a folder to look at
 * them or run them by hand:
 *
 *   npx tsx tests/adversarial/cases.ts --out /tmp/adversarial [--full]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FULL = process.env.CLAIMS_ADVERSARIAL === 'full';

export interface ArticleCase {
  /** File name in the input folder. */
  name: string;
  bytes: Buffer;
  /** Processed: at least this many claims. Refused: the reason must match. */
  expect: { claims: number } | { refused: RegExp };
}

const repeat = (make: (i: number) => string, bytes: number): string => {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = make(i);
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
};

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const lead = 'Acme Corp. said its revenue rose 10% to $5 million in May.\n\n';

/** Articles within the documented limits (5 MiB): each must go through, in the pool and inline alike. */
export function articleCases(full = FULL): ArticleCase[] {
  const kb = (n: number, fullN: number) => (full ? fullN : n) * 1024;
  const cases: ArticleCase[] = [
    { name: 'headings.md', bytes: utf8(lead + repeat((i) => `# Heading ${i}\n`, kb(18, 200))), expect: { claims: 2 } },
    { name: 'small-tables.md', bytes: utf8(lead + repeat((i) => `| a | b |\n|---|---|\n| row ${i} | $${i + 1} million |\n\n`, kb(18, 150))), expect: { claims: 2 } },
    { name: 'list-items.md', bytes: utf8(lead + repeat((i) => `- item ${i}\n`, kb(18, 160))), expect: { claims: 2 } },
    { name: 'numbered-items.md', bytes: utf8(lead + repeat((i) => `${i + 1}. Item\n`, kb(18, 1024))), expect: { claims: 2 } },
    { name: 'dollars.txt', bytes: utf8(repeat(() => '$5 ', kb(64, 300))), expect: { claims: 20_001 } },
    { name: 'number-lines.txt', bytes: utf8(lead + repeat((i) => `${i}\n`, kb(18, 400))), expect: { claims: 2 } },
    { name: 'table.md', bytes: utf8(`| name | value |\n|---|---|\n${repeat((i) => `| row ${i} | $${i + 1} million |\n`, kb(20, 3072))}`), expect: { claims: 500 } },
    { name: 'nested-lists.md', bytes: utf8(lead + repeat((i) => `${'  '.repeat(i % 60)}- level ${i}\n`, kb(18, 256))), expect: { claims: 2 } },
    { name: 'quotes-deep.md', bytes: utf8(lead + '>'.repeat(20_000) + ' deep\n'), expect: { claims: 2 } },
    { name: 'long-line.txt', bytes: utf8(lead + repeat((i) => `word${i} `, kb(20, 1024))), expect: { claims: 2 } },
    { name: 'markers-line.md', bytes: utf8(lead + '- '.repeat(kb(16, 200) / 2) + '\n'), expect: { claims: 2 } },
    { name: 'huge-number.txt', bytes: utf8(`The bill is $${'9'.repeat(309)} today. ${lead}`), expect: { claims: 3 } },
    { name: 'huge-numbers-many.txt', bytes: utf8(repeat((i) => `Item ${i} costs $${'9'.repeat(320)}.\n`, kb(8, 64))), expect: { claims: 20 } },
    { name: 'crlf-emoji-rtl.txt', bytes: utf8('Acme Corp. said revenue rose 10% 🚀.\r\nשלום $5 million مرحبا.\r\n'), expect: { claims: 2 } },
    { name: 'bom-utf16.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lead, 'utf16le')]), expect: { claims: 2 } },
    { name: 'control-chars.txt', bytes: utf8(`Acme\u0007 Corp. said\u001b[31m revenue rose 10%\u00ad to $5\u200b million.\n`), expect: { claims: 1 } },
    // Refused, each with its reason.
    { name: 'binary.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]), expect: { refused: /binary/ } },
    { name: 'empty.txt', bytes: Buffer.alloc(0), expect: { refused: /empty/ } },
    { name: 'invalid-utf8.txt', bytes: Buffer.concat([utf8(lead), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]), expect: { refused: /UTF-8|utf-8|invalid/ } },
  ];
  return cases;
}

/** Mutations of the shipped rules: each must be refused at load, with file:line:col and one line. */
export interface RuleCase {
  name: string;
  /** File under rules/, or a path to create. */
  file: string;
  edit: (text: string) => string;
  reason: RegExp;
  /** Create a folder at `file` instead of editing it. */
  folder?: boolean;
}

export const ruleCases: RuleCase[] = [
  { name: 'empty multipliers', file: 'quantities/multipliers.yml', edit: (s) => s.replace(/^words:\n(?:\s+- .*\n)+/m, 'words: []\n'), reason: /empty list/ },
  { name: 'billion 1e308', file: 'quantities/scales.yml', edit: (s) => s.replace(/value: 1\.0e9/, 'value: 1e308'), reason: /at most/ },
  // Patterns RE2 can run are accepted whatever their shape (a test runs one); these need the
  // backtracking engine (a lookbehind, a back-reference) and can backtrack catastrophically there.
  { name: 'catastrophic boilerplate', file: 'noise/boilerplate.yml', edit: (s) => s.replace('rules:\n', 'rules:\n  - { id: evil, scope: line, pattern: "^(a+)+$(?<!b)", examples: { match: [], noMatch: [] } }\n'), reason: /needs the backtracking engine .* backtrack catastrophically \(exponential/ },
  { name: 'catastrophic attribution', file: 'claims/modality.yml', edit: (s) => s.replace('attribution:\n', 'attribution:\n  - { pattern: "(?<!x)(\\\\w+\\\\s?)*$ {source}" }\n'), reason: /backtrack catastrophically/ },
  { name: 'back-reference that can backtrack', file: 'noise/boilerplate.yml', edit: (s) => s.replace('rules:\n', 'rules:\n  - { id: echo, scope: line, pattern: "^(\\\\w+)\\\\s.*\\\\1.*$", examples: { match: [], noMatch: [] } }\n'), reason: /needs the backtracking engine/ },
  { name: 'invalid regex', file: 'noise/boilerplate.yml', edit: (s) => s.replace('rules:\n', 'rules:\n  - { id: bad, scope: line, pattern: "(unclosed", examples: { match: [], noMatch: [] } }\n'), reason: /not a valid regular expression/ },
  { name: 'two {source}', file: 'claims/modality.yml', edit: (s) => s.replace('according to {source}', 'according to {source} and {source}'), reason: /exactly once/ },
  { name: 'unknown script', file: 'noise/foreign.yml', edit: (s) => s.replace(/scripts: \[/, 'scripts: [Klingon, '), reason: /script name/ },
  { name: 'alias bomb', file: 'segment/abbreviations.yml', edit: (s) => `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n${s}`, reason: /alias/i },
  { name: 'empty word', file: 'quantities/units.yml', edit: (s) => s.replace(/symbols: \[\]/, 'symbols: [""]'), reason: /too small|at least|>=1/i },
  { name: 'negative vague range', file: 'quantities/vague.yml', edit: (s) => s.replace(/low: (\d)/, 'low: -$1'), reason: /too small|>=0/ },
  { name: 'folder for a rule file', file: 'claims/metrics.yml', edit: (s) => s, folder: true, reason: /cannot read|EISDIR/ },
  { name: 'unknown file', file: 'claims/extra.yml', edit: () => 'x: 1\n', reason: /unknown rule file/ },
];

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : 'adversarial-cases';
  const full = process.argv.includes('--full') || FULL;
  mkdirSync(out, { recursive: true });
  for (const c of articleCases(full)) writeFileSync(join(out, c.name), c.bytes);
  process.stdout.write(`${articleCases(full).length} article cases (${full ? 'full' : 'default'} sizes) -> ${out}\n`);
}
