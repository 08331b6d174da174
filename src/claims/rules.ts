/** The claim stage's slice of the rules: entities, metrics, modality, grammar and coreference. */
import type { RuleData } from '../rules/schema.js';
import { compileEntities, type EntityRules } from './entities.js';
import { compileMetrics, type MetricRules } from './metrics.js';
import { compileModality, type ModalityRules } from './modality.js';
import { compileGrammar, type GrammarRules } from './clause.js';
import { compileCoreference, type CoreferenceRules } from './coreference.js';
import { compileNotClaims, type NotClaimRules } from './not-claims.js';

export interface ClaimRules {
  /** The versions every record carries in its provenance: the pipeline's and the rules' (the
   * first 16 hex digits of the rules hash). */
  versions: { pipeline: string; rules: string };
  entities: EntityRules;
  metrics: MetricRules;
  modality: ModalityRules;
  grammar: GrammarRules;
  coreference: CoreferenceRules;
  notClaims: NotClaimRules;
}

export function compileClaimRules(d: RuleData, versions: ClaimRules['versions'], vetted?: (pattern: string) => boolean): ClaimRules {
  return {
    versions,
    entities: compileEntities(d['claims.entities']),
    metrics: compileMetrics(d['claims.metrics']),
    modality: compileModality(d['claims.modality'], vetted),
    grammar: compileGrammar(d['claims.grammar']),
    coreference: compileCoreference(d['claims.coreference']),
    notClaims: compileNotClaims(d['claims.not-claims']),
  };
}
