/** The library: the same pipeline as the CLI, as functions with types. */
export { run, type RunOptions, type RunSummary, type Progress } from './pipeline/run.js';
export { processArticle, type ArticleResult } from './pipeline/article.js';
export { articleFromBytes, readArticle, findArticles } from './ingest/read.js';
export { decodeArticle, IngestError } from './ingest/decode.js';
export { loadRules, RuleError } from './rules/load.js';
export { getRules, compileRules, type CompiledRules } from './pipeline/rules.js';
export { extractQuantities } from './quantities/extract.js';
export { reconcile } from './reconcile/reconcile.js';
export type { ClaimRecord } from './records.js';
export type { Graph } from './graph/schema.js';
export type * from './types.js';
