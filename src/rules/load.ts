/**
 * Reads rules/<family>/<name>.yml, validates each against its strict schema and returns the raw
 * data plus a hash of every byte read (the rules version that provenance records carry).
 * Errors name the file, line and column: `rules/quantities/scales.yml:4:5: … [schema]`.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { ruleFiles, type RuleData, type RuleFileId } from './schema.js';

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

/** Loads and validates every rule file; throws RuleError on the first bad one. */
export function loadRules(dir: string = defaultRulesDir): LoadedRules {
  const hash = createHash('sha256');
  const data = {} as Record<string, unknown>;
  // A file the pipeline does not read is a mistake (a typo in its name, a rule put in the wrong
  // folder), never something to skip silently.
  for (const file of ruleFilesIn(dir)) {
    const id = file.replace(/\.ya?ml$/, '').split('/').join('.');
    if (!(id in ruleFiles)) {
      const shown = relative(process.cwd(), join(dir, file)) || file;
      throw new RuleError(shown, 1, 1, `unknown rule file: the pipeline reads ${Object.keys(ruleFiles).map((k) => k.replace('.', '/') + '.yml').join(', ')}`);
    }
  }
  for (const id of Object.keys(ruleFiles).sort() as RuleFileId[]) {
    const path = join(dir, ...id.split('.')) + '.yml';
    const shown = relative(process.cwd(), path) || path;
    if (!existsSync(path)) throw new RuleError(shown, 1, 1, `missing rule file for ${id}`);
    const text = readFileSync(path, 'utf8');
    hash.update(id).update('\0').update(text).update('\0');
    data[id] = parseRuleFile(id, text, shown);
  }
  return { data: data as RuleData, hash: hash.digest('hex'), dir };
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
export function parseRuleFile<K extends RuleFileId>(id: K, text: string, shown: string): RuleData[K] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    throw new RuleError(shown, pos.line, pos.col, `${err.message.split('\n')[0]} [yaml]`);
  }
  const result = ruleFiles[id].safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const node = nodeAt(doc.contents as Node | null, issue.path as (string | number)[]);
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    const where = issue.path.join('.') || '(top)';
    throw new RuleError(shown, pos.line, pos.col, `${where}: ${issue.message} [schema]`);
  }
  return result.data as RuleData[K];
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
