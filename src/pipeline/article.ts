/**
 * One article through every per-article stage, top to bottom in the order of the README's table:
 * parse → normalize → noise → segment → quantities → claims. Each stage is a pure function of
 * what the stages before it made and of its own slice of the rules, so an article runs the same
 * inline or in a worker, and the same input always gives the same result.
 */
import type { Article } from '../types.js';
import type { CompiledRules } from './rules.js';
import { articleReportSchema, claimSchema, type ArticleReport, type ClaimRecord } from '../records.js';
import { parseBlocks } from '../parse/blocks.js';
import { normalizeUnicode } from '../normalize/unicode.js';
import { findNoise, NoiseIndex } from '../noise/find.js';
import { sentencesOf } from '../segment/sentences.js';
import { sentenceFigures } from '../quantities/extract.js';
import { oneLine } from '../util/message.js';
import { buildClaims, type ClaimInput, type ClaimOptions } from '../claims/build.js';
import { withMetadata, type MetaSources } from '../ingest/meta.js';

export interface ArticleResult {
  claims: ClaimRecord[];
  report: ArticleReport;
}

/** Everything the stages before the claim stage make of an article (tests compare paths on it). */
export function prepareArticle(article: Article, rules: CompiledRules, check: (now?: boolean) => void = () => undefined): ClaimInput & { noiseFlags: ReturnType<typeof findNoise> } {
  const { blocks, markdown } = parseBlocks(article.text, () => check(true));
  check(true);
  const norm = normalizeUnicode(article.text, rules.unicode);
  const noiseFlags = findNoise(article.text, blocks, markdown.listMarkers, rules.noise);
  check(true);
  const sentences = sentencesOf(norm, blocks, rules.segment);
  const figures = sentences.map((s) => (check(), sentenceFigures(norm.text.slice(s.start, s.end), rules.quantities, s.block.table?.rowLabel, s.block.table && s.block.table.row > 0 ? s.block.table.header : undefined)));
  // Foreign words stay in the text the claims read: a name in another language is no reason to
  // drop a figure next to it.
  const noise = new NoiseIndex(noiseFlags, (f) => f.reason !== 'foreign-word');
  return { article, norm, sentences, figures, noise, noiseFlags };
}

export function processArticle(article: Article, rules: CompiledRules, options: ClaimOptions & ArticleOptions = {}): ArticleResult {
  const claims: ClaimRecord[] = [];
  const report = processArticleInto(article, rules, (c) => void claims.push(c), options);
  return { claims, report };
}

export interface ArticleOptions extends MetaSources {
  /** performance.now() past which the article fails with BudgetError (checked between stages and
   * every few hundred sentences or claims, never per sentence). */
  deadline?: number;
}

/** Thrown when an article takes longer than its time budget. */
export class BudgetError extends Error {}

/**
 * Runs an article through every stage and hands each claim, validated, to `onClaim` as it is
 * made; returns the article's report. Memory holds the stages' per-sentence results, never every
 * claim record of the article.
 */
export function processArticleInto(article: Article, rules: CompiledRules, onClaim: (c: ClaimRecord) => void, options: ClaimOptions & ArticleOptions = {}): ArticleReport {
  const check = budgetCheck(options.deadline);
  // Front matter is metadata, not text: the stages read the article with it blanked (offsets
  // unchanged) and with its metadata, which every claim's source carries.
  const { article: read, warnings } = withMetadata(article, options);
  const input = prepareArticle(read, rules, check);
  check(true);
  let count = 0;
  // Validated where they are made (in the worker), so a bad record names its article.
  // One record that fails its schema costs that figure only: it is reported as not taken.
  const invalid: ArticleReport['rejected'] = [];
  const { rejected } = buildClaims(input, rules.claims, {
    ...options,
    emit: (c) => {
      check();
      const parsed = claimSchema.safeParse(c);
      if (parsed.success) return void (onClaim(parsed.data), count++);
      const span = c.quantity?.span ?? c.span;
      invalid.push({ span, quote: read.text.slice(span.start, span.end), reason: `invalid record: ${oneLine(parsed.error.message)}`, rule: c.rule });
    },
  });
  rejected.push(...invalid);
  check(true);
  return articleReportSchema.parse({
    path: article.path,
    sha256: article.sha256,
    id: article.id,
    encoding: article.encoding,
    noise: input.noiseFlags.map((n) => ({ span: { start: n.start, end: n.end }, quote: n.quote, reason: n.reason, rule: n.rule })),
    rejected,
    claims: count,
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

/** A check that throws BudgetError once the deadline has passed; it reads the clock only every
 * 256th call (or when told to), so checking in a loop costs a counter. */
function budgetCheck(deadline: number | undefined): (now?: boolean) => void {
  if (deadline === undefined) return () => undefined;
  let calls = 0;
  return (now = false) => {
    if ((now || (++calls & 255) === 0) && performance.now() > deadline) throw new BudgetError('over the time budget');
  };
}
