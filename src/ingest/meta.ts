/**
 * Article metadata: url, outlet, published, language and title, from a YAML front-matter block at
 * the top of the article ("---" … "---") or a sidecar `<name>.meta.json` beside it (README
 * "Article metadata"). Bad metadata never costs the article: each problem becomes a warning that
 * names where it was and why, and the field is left out.
 *
 * The front matter is detected here (its fences, at the very top) and parsed by the `yaml`
 * package, the one the rules are read with. It is not article text: the stages get the text with
 * the block blanked (every character but line breaks a space), so no claim or noise comes from
 * it, while every offset, line and column still index the file as it is.
 */
import { parseDocument } from 'yaml';
import { ISO_DATE, type ArticleMeta } from '../records.js';
import type { Article } from '../types.js';

/** The fields read; any other key of the front matter (tags, author…) is left alone. */
export const META_FIELDS = ['url', 'outlet', 'published', 'language', 'title'] as const;

/** The sidecar beside `article.md`: `article.meta.json` (its name without the extension). */
export const SIDECAR_SUFFIX = '.meta.json';

/** Largest sidecar read: metadata is a few hundred bytes; anything near this is not a sidecar. */
export const MAX_SIDECAR_BYTES = 64 * 1024;

export interface MetaRead {
  meta: ArticleMeta;
  warnings: string[];
}

/** The opening fence must be the file's first line; the block ends at a line "---" or "...", and
 * every line between looks like YAML front matter (FRONT_LINE). */
const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Where the front-matter block is: its YAML at [body, bodyEnd) and the whole block, fences
 * included, at [0, end); null when the text does not start with one. */
export function frontMatterBlock(text: string): { body: number; bodyEnd: number; end: number } | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close || !rest.slice(0, close.index).split('\n').every((l) => FRONT_LINE.test(l))) return null;
  return { body: open[0].length, bodyEnd: open[0].length + close.index, end: open[0].length + close.index + close[0].length };
}

/** A line of front matter: `key:` with a key that is a name (no spaces), a list item, an
 * indented continuation, a comment or a blank line. Text between two rules at the top of an
 * article ("Breaking: revenue rose 10%") has other lines and stays text: it is never blanked. */
const FRONT_LINE = /^(?:[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|\r?$)|[ \t]|-(?:[ \t]|\r?$)|#|\r?$)/;

/** The text with [0, end) blanked: spaces for every character but CR and LF, same length. */
export function blankOut(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/** A real calendar date in ISO 8601 (2025-02-30 is refused, as is 2025-2-1). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v) : String(JSON.stringify(v) ?? v));

/** The metadata fields of a parsed mapping, each checked; `where` starts every warning. */
export function metaFields(value: unknown, where: string): MetaRead {
  const warnings: string[] = [];
  if (value === null || value === undefined) return { meta: {}, warnings };
  if (typeof value !== 'object' || Array.isArray(value)) return { meta: {}, warnings: [`${where}: not a mapping of fields (${Array.isArray(value) ? 'a list' : `a ${typeof value}`}); ignored`] };
  const meta: ArticleMeta = {};
  const fields = value as Record<string, unknown>;
  for (const key of META_FIELDS) {
    let v = fields[key];
    if (v === undefined || v === null) continue;
    // YAML reads "published: 2025-02-01" as text, but a date object may come from a JSON
    // reviver or another schema: taken as its ISO date.
    if (v instanceof Date && !Number.isNaN(v.getTime())) v = v.toISOString().slice(0, 10);
    if (typeof v !== 'string' || v.trim() === '') {
      warnings.push(`${where}: ${key} ${quoted(v)} is not text; ignored`);
      continue;
    }
    const text = v.trim();
    if (key === 'published' && !isIsoDate(text)) {
      warnings.push(`${where}: published ${quoted(v)} is not an ISO 8601 date (YYYY-MM-DD, optionally with a time); ignored`);
      continue;
    }
    // A URL is kept exactly as given (only the surrounding white space YAML would keep goes).
    meta[key] = key === 'url' ? text : text.replace(/\s+/g, ' ');
  }
  return { meta, warnings };
}

/** The front matter's metadata, and where its block ends (0 when there is none). */
export function readFrontMatter(text: string): MetaRead & { end: number } {
  const block = frontMatterBlock(text);
  if (block === null) return { meta: {}, warnings: [], end: 0 };
  const { end } = block;
  const body = text.slice(block.body, block.bodyEnd);
  // Plain YAML 1.2 core: no custom tags, and an alias bomb is refused by the package's own limit.
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { meta: {}, warnings: [`front matter: not valid YAML (${doc.errors[0].message.split('\n')[0]}); ignored`], end };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { meta: {}, warnings: [`front matter: ${(err as Error).message.split('\n')[0]}; ignored`], end };
  }
  return { ...metaFields(value, 'front matter'), end };
}

/** A sidecar's metadata; `name` (the sidecar's path) starts every warning. */
export function readSidecar(name: string, text: string): MetaRead {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { meta: {}, warnings: [`${name}: not valid JSON (${(err as Error).message.split('\n')[0]}); ignored`] };
  }
  return metaFields(value, name);
}

/** The path of the sidecar of the article at `path` (same folder, extension replaced). */
export function sidecarPath(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return `${dot > slash + 1 ? path.slice(0, dot) : path}${SIDECAR_SUFFIX}`;
}

/** Metadata for one article from wherever it comes: its front matter, then its sidecar, then
 * what a caller gives (extract's options); a later source wins field by field. */
export interface MetaSources {
  sidecar?: { path: string; text: string };
  meta?: ArticleMeta;
}

/**
 * The article as the stages read it: front matter blanked, metadata set. Warnings say what was
 * ignored and why, for the article's report.
 */
export function withMetadata(article: Article, sources: MetaSources = {}): { article: Article; warnings: string[] } {
  const front = readFrontMatter(article.text);
  const side = sources.sidecar ? readSidecar(sources.sidecar.path, sources.sidecar.text) : { meta: {}, warnings: [] };
  const given = sources.meta ? metaFields(sources.meta, 'metadata given') : { meta: {}, warnings: [] };
  const meta: ArticleMeta = { ...front.meta, ...side.meta, ...given.meta };
  const text = front.end > 0 ? blankOut(article.text, front.end) : article.text;
  const ordered = Object.fromEntries(META_FIELDS.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]])) as ArticleMeta;
  return {
    article: { ...article, text, ...(Object.keys(ordered).length > 0 ? { meta: ordered } : {}) },
    warnings: [...front.warnings, ...side.warnings, ...given.warnings],
  };
}
