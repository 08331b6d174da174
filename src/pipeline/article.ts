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
import { buildClaims, type ClaimInput, type ClaimOptions } from '../claims/build.js';

export interface ArticleResult {
  claims: ClaimRecord[];
  report: ArticleReport;
}

/** Everything the stages before the claim stage make of an article (tests compare paths on it). */
export function prepareArticle(article: Article, rules: CompiledRules): ClaimInput & { noiseFlags: ReturnType<typeof findNoise> } {
  const { blocks, markdown } = parseBlocks(article.text);
  const norm = normalizeUnicode(article.text, rules.unicode);
  const noiseFlags = findNoise(article.text, blocks, markdown.listMarkers, rules.noise);
  const sentences = sentencesOf(norm, blocks, rules.segment);
  const figures = sentences.map((s) => sentenceFigures(norm.text.slice(s.start, s.end), rules.quantities, s.block.table?.rowLabel));
  // Foreign words stay in the text the claims read: a name in another language is no reason to
  // drop a figure next to it.
  const noise = new NoiseIndex(noiseFlags, (f) => f.reason !== 'foreign-word');
  return { article, norm, sentences, figures, noise, noiseFlags };
}

export function processArticle(article: Article, rules: CompiledRules, options: ClaimOptions = {}): ArticleResult {
  const input = prepareArticle(article, rules);
  const { claims, rejected } = buildClaims(input, rules.claims, options);
  // Validated where they are made (in the worker), so a bad record names its article.
  return {
    claims: claims.map((c) => claimSchema.parse(c)),
    report: articleReportSchema.parse({
      path: article.path,
      sha256: article.sha256,
      id: article.id,
      encoding: article.encoding,
      noise: input.noiseFlags.map((n) => ({ span: { start: n.start, end: n.end }, quote: n.quote, reason: n.reason, rule: n.rule })),
      rejected,
      claims: claims.length,
    }),
  };
}
