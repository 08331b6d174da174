/**
 * The rules compiled once per process, each stage's slice by its own compiler: the pipeline is the
 * one place that knows every stage, so rules/ (loading and schemas) imports none of them. Workers
 * get the loaded rule data from the main thread and only compile it (no YAML parsing per worker).
 */
import { loadRules, shippedPattern, type LoadedRules } from '../rules/load.js';
import { compileQuantityRules, type QuantityRules } from '../quantities/compile.js';
import { compileBoilerplate } from '../noise/boilerplate.js';
import { compileForeign } from '../noise/foreign.js';
import type { NoiseRules } from '../noise/find.js';
import { compileUnicodeRules, type UnicodeRules } from '../normalize/unicode.js';
import { compileSegmentRules, type SegmentRules } from '../segment/sentences.js';
import { compileClaimRules, type ClaimRules } from '../claims/rules.js';
import { PIPELINE_VERSION } from './version.js';

export interface CompiledRules {
  /** sha256 of every rule file: the rules version in provenance and cache keys. */
  hash: string;
  unicode: UnicodeRules;
  noise: NoiseRules;
  segment: SegmentRules;
  quantities: QuantityRules;
  claims: ClaimRules;
}

export function compileRules(loaded: LoadedRules): CompiledRules {
  const d = loaded.data;
  // Rule patterns a user wrote (any not in the shipped rules) run on RE2 where it can express them.
  const vetted = (pattern: string) => shippedPattern(loaded.dir, pattern);
  const quantities = compileQuantityRules(d);
  const claims = compileClaimRules(d, { pipeline: PIPELINE_VERSION, rules: loaded.hash.slice(0, 16) }, vetted);
  return {
    hash: loaded.hash,
    unicode: compileUnicodeRules(d['normalize.unicode']),
    noise: {
      boilerplate: compileBoilerplate(d['noise.boilerplate'], vetted),
      foreign: compileForeign(d['noise.foreign']),
      // Entity names and currency codes are names, never foreign words.
      known: (w) => claims.entities.known.has(w.toLowerCase().replace(/'s$/, '')) || quantities.suffixIso.has(w) || quantities.prefixIso.has(w.toLowerCase()),
    },
    segment: compileSegmentRules(d['segment.abbreviations']),
    quantities,
    claims,
  };
}

const cache = new Map<string, CompiledRules>();

/** Loads and compiles the rules in `dir` (the shipped rules by default), once per process. */
export function getRules(dir?: string): CompiledRules {
  const key = dir ?? '';
  let rules = cache.get(key);
  if (!rules) {
    rules = compileRules(loadRules(dir));
    cache.set(key, rules);
  }
  return rules;
}
