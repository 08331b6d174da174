/**
 * All rules compiled once per process: the pure per-article pipeline takes this object, so a
 * worker compiles it once at start and never again. This module does not read files (no YAML):
 * workers get the loaded rule data from the main thread and only compile it.
 */
import type { LoadedRules } from './load.js';
import { compileQuantityRules, type QuantityRules } from '../quantities/compile.js';
import { compileBoilerplate, type BoilerplateRules } from '../normalize/boilerplate.js';
import { compileUnicodeRules, type UnicodeRules } from '../normalize/unicode.js';
import { compileForeign, type ForeignRules } from '../normalize/foreign.js';
import { compileSegmentRules, type SegmentRules } from '../segment/sentences.js';
import { compileEntities, type EntityRules } from '../claims/entities.js';
import { compileMetrics, type MetricRules } from '../claims/metrics.js';
import { compileModality, type ModalityRules } from '../claims/modality.js';
import { compileGrammar, type GrammarRules } from '../claims/clause.js';
import { compileCoreference, type CoreferenceRules } from '../claims/coreference.js';

export interface CompiledRules {
  hash: string;
  quantities: QuantityRules;
  boilerplate: BoilerplateRules;
  unicode: UnicodeRules;
  foreign: ForeignRules;
  segment: SegmentRules;
  entities: EntityRules;
  metrics: MetricRules;
  modality: ModalityRules;
  grammar: GrammarRules;
  coreference: CoreferenceRules;
}

export function compileRules(loaded: LoadedRules): CompiledRules {
  const d = loaded.data;
  return {
    hash: loaded.hash,
    quantities: compileQuantityRules(d),
    boilerplate: compileBoilerplate(d['noise.boilerplate']),
    unicode: compileUnicodeRules(d['normalize.unicode']),
    foreign: compileForeign(d['normalize.foreign']),
    segment: compileSegmentRules(d['segment.abbreviations']),
    entities: compileEntities(d['claims.entities']),
    metrics: compileMetrics(d['claims.metrics']),
    modality: compileModality(d['claims.modality']),
    grammar: compileGrammar(d['claims.grammar']),
    coreference: compileCoreference(d['claims.coreference']),
  };
}

