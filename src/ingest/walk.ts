/**
 * Which files a run reads. An input is a file (read whatever its type: it was named), a folder
 * (walked) or a quoted glob ("news/**\/*.md", expanded with tinyglobby). A folder walk skips what
 * is never an article a user meant: the output folder and any other folder claims wrote (its
 * report.md is not news), hidden files and folders, node_modules, and whatever a .gitignore or
 * .claimsignore in the walked folders lists
 * (gitignore syntax, matched by the `ignore` package, each file scoped to its own folder). Symbolic
 * links are not followed and files of other types are not read; both are reported, never dropped
 * in silence.
 */
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SIDECAR_SUFFIX } from './meta.js';

/** File endings read as articles when a folder is walked. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);
/** Files whose patterns say what a walk skips. */
export const IGNORE_FILES = ['.gitignore', '.claimsignore'];
/** Folders never walked into, whatever the ignore files say. */
export const SKIPPED_FOLDERS = new Set(['node_modules']);
/** Files that together mark a folder claims wrote (any run's --out). */
const OUTPUT_MARKERS = ['graph.json', 'run.json'];

/** Whether claims wrote this folder: it holds a graph.json and a run.json. */
export function isOutputFolder(dir: string): boolean {
  return OUTPUT_MARKERS.every((name) => existsSync(join(dir, name)));
}

/** A request the run cannot carry out (missing input, no articles, nothing to remove): exit 2. */
export class UsageError extends Error {}

export interface Skipped {
  path: string;
  reason: string;
}

export interface Found {
  /** Absolute paths of the articles found, sorted, without duplicates. */
  paths: string[];
  /** Inputs that do not exist (and are not globs). */
  missing: string[];
  /** Inputs that exist or are globs but gave no article. */
  empty: string[];
  /** What a walk passed over and why (symlinks, other file types, the output folder…). */
  skipped: Skipped[];
  /** Inputs named on the command line that are not regular files (a FIFO, a device, a socket). */
  refused: Skipped[];
}

interface Scope {
  dir: string;
  rules: Ignore;
}

/** Expands inputs into article paths. `exclude` lists folders never read (the output folder). */
export async function findArticles(inputs: string[], options: { exclude?: string[] } = {}): Promise<Found> {
  const exclude = (options.exclude ?? []).map((p) => resolve(p));
  const found: Found = { paths: [], missing: [], empty: [], skipped: [], refused: [] };
  const all = new Set<string>();
  for (const input of inputs) {
    const mine = new Set<string>();
    const info = await stat(input).catch(() => null);
    const folder = resolve(input);
    if (info?.isDirectory() && (exclude.includes(folder) || isOutputFolder(folder))) {
      // Named directly, an output folder is still not read: its report.md is not an article.
      found.skipped.push({ path: folder, reason: exclude.includes(folder) ? 'the output folder' : 'an output folder of claims (holds graph.json and run.json)' });
    } else if (info?.isDirectory()) await walk(folder, [], exclude, mine, found.skipped);
    else if (info?.isFile() && isSidecar(input)) {
      found.skipped.push({ path: resolve(input), reason: 'a metadata sidecar (read with the article beside it, not as an article)' });
      continue;
    }
    else if (info?.isFile()) mine.add(resolve(input));
    else if (info) {
      // Named, but not a file: refused by name, as an article that failed.
      found.refused.push({ path: resolve(input), reason: `not a regular file (${kindOf(info)}): only files are read` });
      continue;
    }
    else if (isDynamicPattern(input)) await expand(input, exclude, mine, found.skipped);
    else {
      found.missing.push(input);
      continue;
    }
    if (mine.size === 0) found.empty.push(input);
    for (const p of mine) all.add(p);
  }
  found.paths = [...all].sort();
  found.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return found;
}

/** What a directory entry that is not a regular file is, in words. */
export function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  return info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a FIFO' : info.isCharacterDevice() ? 'a character device' : info.isBlockDevice() ? 'a block device' : info.isSocket() ? 'a socket' : 'not a file';
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

async function loadScope(dir: string): Promise<Scope | null> {
  let rules: Ignore | null = null;
  for (const name of IGNORE_FILES) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => null);
    if (text !== null) (rules ??= ignore()).add(text);
  }
  return rules ? { dir, rules } : null;
}

function ignoredBy(scopes: Scope[], path: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const rel = relative(s.dir, path).split(sep).join('/');
    if (rel && s.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

async function walk(dir: string, parents: Scope[], exclude: string[], out: Set<string>, skipped: Skipped[]): Promise<void> {
  const own = await loadScope(dir);
  const scopes = own ? [...parents, own] : parents;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    // An unreadable folder is reported and skipped; the rest of the walk goes on.
    skipped.push({ path: dir, reason: `folder not readable (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue; // hidden files and folders, the ignore files themselves
    if (entry.isSymbolicLink()) {
      skipped.push({ path, reason: 'symbolic link, not followed (name the target to read it)' });
      continue;
    }
    if (entry.isDirectory()) {
      if (exclude.includes(path)) {
        skipped.push({ path, reason: 'the output folder' });
        continue;
      }
      if (isOutputFolder(path)) {
        skipped.push({ path, reason: 'an output folder of claims (holds graph.json and run.json)' });
        continue;
      }
      if (SKIPPED_FOLDERS.has(entry.name) || ignoredBy(scopes, path, true)) continue;
      await walk(path, scopes, exclude, out, skipped);
      continue;
    }
    if (!entry.isFile()) {
      skipped.push({ path, reason: `not a regular file (${kindOf(entry)})` });
      continue;
    }
    if (ignoredBy(scopes, path, false)) continue;
    // An article's metadata sidecar is read with its article, never as one.
    if (isSidecar(entry.name)) continue;
    const ext = extname(entry.name).toLowerCase();
    if (!ARTICLE_EXTENSIONS.has(ext)) {
      skipped.push({ path, reason: `not an article type (${ext || 'no extension'}; read: ${[...ARTICLE_EXTENSIONS].join(', ')})` });
      continue;
    }
    out.add(path);
  }
}

/** `<name>.meta.json`: an article's metadata (ingest/meta.ts), not an article. */
const isSidecar = (path: string) => path.toLowerCase().endsWith(SIDECAR_SUFFIX);

/** The folder a glob starts from: its leading segments without glob syntax. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const seg of segments.slice(0, -1)) {
    if (isDynamicPattern(seg)) break;
    fixed.push(seg);
  }
  return resolve(fixed.length === 0 ? '.' : fixed.join('/') || '/');
}

/** Whether the ignore files between `base` and `path` (or a hidden or skipped folder on the way) rule it out. */
async function ruledOut(base: string, path: string, scopes: Map<string, Scope | null>): Promise<boolean> {
  const parts = relative(base, path).split(sep);
  const chain: Scope[] = [];
  let dir = base;
  for (let i = 0; i < parts.length; i++) {
    if (!scopes.has(dir)) scopes.set(dir, await loadScope(dir));
    const own = scopes.get(dir);
    if (own) chain.push(own);
    const next = join(dir, parts[i]);
    const isDir = i < parts.length - 1;
    if (parts[i].startsWith('.') || (isDir && (SKIPPED_FOLDERS.has(parts[i]) || isOutputFolder(next))) || ignoredBy(chain, next, isDir)) return true;
    dir = next;
  }
  return false;
}

/** A quoted glob: every file it matches is read (like a named file), except what a folder walk
 * from the glob's base would skip (output folder, hidden, node_modules, ignore files, symlinks). */
async function expand(pattern: string, exclude: string[], out: Set<string>, skipped: Skipped[]): Promise<void> {
  const matches = await glob(pattern, { absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
  const base = globBase(pattern);
  const scopes = new Map<string, Scope | null>();
  for (const m of matches.map((p) => resolve(p)).sort()) {
    if (exclude.some((e) => inside(m, e))) {
      skipped.push({ path: m, reason: 'in the output folder' });
      continue;
    }
    if (inside(m, base) && await ruledOut(base, m, scopes)) continue;
    if (isSidecar(m)) continue;
    const info = await lstat(m);
    if (!info.isFile() && !info.isSymbolicLink()) skipped.push({ path: m, reason: `not a regular file (${kindOf(info)})` });
    else if (info.isSymbolicLink()) skipped.push({ path: m, reason: 'symbolic link, not followed (name the target to read it)' });
    else out.add(m);
  }
}
