/**
 * The review decisions contract lives with the other records (src/records.ts): claims.jsonl's
 * provenance.review and run.json's decisions are part of the output contract, and the base layer
 * cannot import review/. Re-exported here for the review code and its tests.
 */
export {
  correctionSchema, decisionSchema, reviewProvenanceSchema, decisionsReportSchema,
  type Decision, type ReviewProvenance, type DecisionsReport,
} from '../records.js';
