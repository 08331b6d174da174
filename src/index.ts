/** The library: the same pipeline as the CLI, as functions with types. Every type a function
 * here takes or returns is exported too (tests/package.test.ts checks it on dist/index.d.ts). */
export { extract, type ExtractOptions, type Extraction } from './pipeline/extract.js';
export { run, UsageError, DEFAULT_TIME_BUDGET, type RunOptions, type RunSummary, type Progress } from './pipeline/run.js';
export { processArticle, BudgetError, type ArticleResult, type ArticleOptions } from './pipeline/article.js';
export type { ClaimOptions } from './claims/build.js';
export { articleFromBytes, readArticle, findArticles, type IngestFailure, type Found, type Skipped } from './ingest/read.js';
export type { MetaSources } from './ingest/meta.js';
export type { Phase } from './util/progress.js';
export { decodeArticle, IngestError, DEFAULT_MAX_BYTES, type Decoded } from './ingest/decode.js';
export { loadRules, RuleError, defaultRulesDir, type LoadedRules } from './rules/load.js';
export { getRules, compileRules, type CompiledRules } from './pipeline/rules.js';
export { extractQuantities, type SentenceQuantity } from './quantities/extract.js';
export type { QuantityRules } from './quantities/compile.js';
export { reconcile, type Reconciliation, type Relation, type PairRelation, type UnitScaleOf, type Group, type GroupStatus, type FigureHub } from './reconcile/reconcile.js';
export type { GroupKey } from './reconcile/groups.js';
export type { CommonFigure } from './reconcile/figures.js';
export type { Spool } from './reconcile/spool.js';
export type { UnitScale } from './util/units.js';
export type { ClaimSummary } from './reconcile/summary.js';
export {
  claimSchema, quantitySchema, subjectSchema, spanSchema, flagSchema, articleMetaSchema, SUBJECT_REASONS, articleReportSchema, decisionSchema,
  type ClaimRecord, type ArticleMeta, type QuantityRecord, type SubjectRecord, type ArticleReport, type Decision, type DecisionsReport, type ReviewProvenance,
} from './records.js';
export { graphSchema, graphNodeSchema, graphEdgeSchema, type Graph, type GraphNode, type GraphEdge } from './graph/schema.js';
export { runSchema, type RunFile } from './output/run-schema.js';
export { manifestSchema, type Manifest, type ManifestEntry } from './output/manifest.js';
export type * from './types.js';
