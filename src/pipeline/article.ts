/**
 * One article through every per-article stage: a pure function of (article, compiled rules), so
 * it runs the same inline or in a worker, and the same input always gives the same result.
 */
import type { Article } from '../types.js';
import type { CompiledRules } from '../rules/compile.js';
import { articleReportSchema, claimSchema, type ArticleReport, type ClaimRecord } from '../output/schema.js';
import { analyze } from './analyze.js';
import { buildClaims } from '../claims/build.js';

export interface ArticleResult {
  claims: ClaimRecord[];
  report: ArticleReport;
}

export function processArticle(article: Article, rules: CompiledRules): ArticleResult {
  const analysis = analyze(article, rules);
  const { claims, rejected } = buildClaims(analysis, rules);
  // Validated where they are made (in the worker), so a bad record names its article.
  return {
    claims: claims.map((c) => claimSchema.parse(c)),
    report: articleReportSchema.parse({
      path: article.path,
      sha256: article.sha256,
      id: article.id,
      encoding: article.encoding,
      noise: analysis.noise.map((n) => ({ span: { start: n.start, end: n.end }, quote: n.quote, reason: n.reason, rule: n.rule })),
      rejected,
      claims: claims.length,
    }),
  };
}
