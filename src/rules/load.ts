/**
 * Reads rules/<family>/<name>.yml, validates each against its strict schema and returns the raw
 * data plus a hash of every byte read (the rules version that provenance records carry).
 * Errors name the file, line and column: `rules/quantities/scales.yml:4:5: … [schema]`.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { ruleFiles, attributionTriggerSource, type RuleData, type RuleFileId } from './schema.js';
import { compileRe2 } from '../util/user-regex.js';

/** The rules/ folder shipped with the package (next to src/ and dist/). */
export const defaultRulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

export class RuleError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'RuleError';
  }
}

export interface LoadedRules {
  data: RuleData;
  /** sha256 over every rule file's path and bytes, in a fixed order. */
  hash: string;
  dir: string;
}

/** The rule files' texts, read (and the unexpected ones refused) but not yet parsed. */
export interface RuleTexts {
  dir: string;
  /** sha256 over every rule file's path and bytes, in a fixed order. */
  hash: string;
  texts: { id: RuleFileId; text: string; shown: string }[];
}

/** Loads and validates every rule file; throws RuleError on the first bad one. */
export function loadRules(dir: string = defaultRulesDir): LoadedRules {
  return parseRuleTexts(readRuleTexts(dir));
}

/** Reads every rule file of `dir`; throws RuleError for a file the pipeline does not read, a
 * missing one or an unreadable one. */
export function readRuleTexts(dir: string = defaultRulesDir): RuleTexts {
  const hash = createHash('sha256');
  // A file the pipeline does not read is a mistake (a typo in its name, a rule put in the wrong
  // folder), never something to skip silently.
  for (const file of ruleFilesIn(dir)) {
    const id = file.replace(/\.ya?ml$/, '').split('/').join('.');
    if (!(id in ruleFiles)) {
      const shown = relative(process.cwd(), join(dir, file)) || file;
      throw new RuleError(shown, 1, 1, `unknown rule file: the pipeline reads ${Object.keys(ruleFiles).map((k) => k.replace('.', '/') + '.yml').join(', ')}`);
    }
  }
  const texts: RuleTexts['texts'] = [];
  for (const id of Object.keys(ruleFiles).sort() as RuleFileId[]) {
    const path = join(dir, ...id.split('.')) + '.yml';
    const shown = relative(process.cwd(), path) || path;
    if (!existsSync(path)) throw new RuleError(shown, 1, 1, `missing rule file for ${id}`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new RuleError(shown, 1, 1, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    hash.update(id).update('\0').update(text).update('\0');
    texts.push({ id, text, shown });
  }
  return { dir, hash: hash.digest('hex'), texts };
}

/** Parses and validates the texts; throws RuleError on the first bad one. */
export function parseRuleTexts({ dir, hash, texts }: RuleTexts): LoadedRules {
  const data = {} as Record<string, unknown>;
  for (const { id, text, shown } of texts) data[id] = parseRuleFile(id, text, shown, dir === defaultRulesDir ? null : shippedPatterns);
  return { data: data as RuleData, hash, dir };
}

/** Every .yml/.yaml file under `dir`, as a path relative to it with forward slashes. */
function ruleFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Parses and validates one rule file's text; `shown` is the path used in messages. */
export function parseRuleFile<K extends RuleFileId>(id: K, text: string, shown: string, vetted: (() => Set<string>) | null = null): RuleData[K] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    throw new RuleError(shown, pos.line, pos.col, `${err.message.split('\n')[0]} [yaml]`);
  }
  let value: unknown;
  try {
    // The yaml package refuses a document whose aliases expand past 100 (an alias bomb).
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new RuleError(shown, 1, 1, `${(err as Error).message.split('\n')[0]} [yaml]`);
  }
  const result = ruleFiles[id].safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const node = nodeAt(doc.contents as Node | null, issue.path as (string | number)[]);
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    const where = issue.path.join('.') || '(top)';
    throw new RuleError(shown, pos.line, pos.col, `${where}: ${issue.message} [schema]`);
  }
  // Patterns a user wrote (any not in the shipped rules, which a test checks) run on RE2, in
  // linear time; one RE2 cannot run is refused unless recheck shows it cannot backtrack: one line
  // of text could otherwise hang an article.
  if (vetted) {
    for (const { path, pattern, flags, raw } of userPatterns(id, result.data)) {
      if (vetted().has(raw)) continue;
      const problem = patternProblem(pattern, flags);
      if (!problem) continue;
      const pos = lineCounter.linePos(nodeAt(doc.contents as Node | null, path)?.range?.[0] ?? 0);
      throw new RuleError(shown, pos.line, pos.col, `${path.join('.')}: ${problem} [pattern]`);
    }
  }
  return result.data as RuleData[K];
}

/** The regular expressions a rule file holds, where they are, the flags they run with, and their
 * text as written (`raw`, what the shipped rules are compared by). */
export function userPatterns(id: RuleFileId, data: unknown): { path: (string | number)[]; pattern: string; flags: string; raw: string }[] {
  if (id === 'noise.boilerplate') return (data as RuleData['noise.boilerplate']).rules.map((r, i) => ({ path: ['rules', i, 'pattern'], pattern: r.pattern, flags: r.caseSensitive ? 'u' : 'iu', raw: r.pattern }));
  if (id === 'claims.modality') {
    const raws = (data as RuleData['claims.modality']).attribution.map((a) => a.pattern);
    // {source} stands for a phrase of a few words (claims/modality.ts), bounded and lazy: checked
    // as a word here. The trigger made of every pattern's words is a pattern too.
    return [
      ...raws.map((raw, i) => ({ path: ['attribution', i, 'pattern'], pattern: raw.replace('{source}', '(?:\\w+)'), flags: 'iu', raw })),
      { path: ['attribution'], pattern: attributionTriggerSource(raws), flags: 'iu', raw: attributionTriggerSource(raws) },
    ];
  }
  return [];
}

/**
 * Why a user's `pattern` cannot be run safely, or null when it can: RE2 runs it (linear time
 * whatever the text), or it needs the backtracking engine (a lookaround, a back-reference) and
 * recheck proves it safe there within `timeout` ms.
 */
export function patternProblem(pattern: string, flags: string, timeout = 2000): string | null {
  if (compileRe2(pattern, flags)) return null;
  const { checkSync } = createRequire(import.meta.url)('recheck') as typeof import('recheck');
  const r = checkSync(pattern, flags, { timeout });
  if (r.status === 'safe') return null;
  const needs = 'this pattern needs the backtracking engine (it uses a lookaround, a back-reference or other syntax the linear-time engine RE2 lacks)';
  if (r.status !== 'vulnerable') return `${needs}, and recheck could not show within ${timeout} ms that it cannot backtrack catastrophically: rewrite it without those`;
  const at = r.hotspot.length ? ` around ${JSON.stringify(pattern.slice(r.hotspot[0].start, r.hotspot[0].end))}` : '';
  return `${needs}, and there it can backtrack catastrophically (${r.complexity.type} time${at}): rewrite it without those, or without nested or overlapping repetition`;
}

/** Why `pattern` can take exponential time on JS RegExp on some short line (`^(a+)+$`,
 * `(\w+\s?)*$`), or null when it cannot or when recheck cannot decide within `timeout` ms: what
 * a test checks of the shipped patterns, which run there. Polynomial verdicts pass: recheck gives
 * one to most unanchored patterns, and the per-article time budget bounds them. */
export function backtracking(pattern: string, flags: string, timeout = 2000): string | null {
  const { checkSync } = createRequire(import.meta.url)('recheck') as typeof import('recheck');
  const r = checkSync(pattern, flags, { timeout });
  if (r.status !== 'vulnerable' || r.complexity.type !== 'exponential') return null;
  const at = r.hotspot.length ? ` around ${JSON.stringify(pattern.slice(r.hotspot[0].start, r.hotspot[0].end))}` : '';
  return `this pattern can backtrack catastrophically (exponential time${at}): rewrite it without nested or overlapping repetition`;
}

/** The patterns of the shipped rules (as written), read once: a user's rules folder that keeps
 * them does not pay for checking them again, and they run on JS RegExp as they always did. */
let shipped: Set<string> | null = null;
function shippedPatterns(): Set<string> {
  if (shipped) return shipped;
  shipped = new Set();
  for (const id of ['noise.boilerplate', 'claims.modality'] as const) {
    const data = parseDocument(readFileSync(join(defaultRulesDir, ...id.split('.')) + '.yml', 'utf8')).toJS();
    for (const p of userPatterns(id, data)) shipped.add(p.raw);
  }
  return shipped;
}

/** Whether `pattern` (as written) is one of the shipped rules', for rules loaded from `dir`. */
export function shippedPattern(dir: string, pattern: string): boolean {
  return dir === defaultRulesDir || shippedPatterns().has(pattern);
}

/** The deepest YAML node along `path` that exists, for pointing at the offending spot. */
function nodeAt(root: Node | null, path: (string | number)[]): Node | null {
  let node: Node | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      if (!pair) return node;
      node = (pair.value as Node) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return node;
      node = item;
    } else return node;
  }
  return node;
}
