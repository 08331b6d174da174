/** The rules in a folder, loaded (YAML, validated) and compiled once per process. */
import { loadRules } from './load.js';
import { compileRules, type CompiledRules } from './compile.js';

export { compileRules, type CompiledRules } from './compile.js';

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
