/**
 * Entity mentions: the lexicon of rules/claims/entities.yml (canonical name, aliases, kind,
 * parent), plus organizations, people and places that compromise finds in a sentence and the
 * lexicon does not know. compromise misses OpenAI, Anthropic, xAI and friends, so the lexicon
 * comes first and wins where both match.
 */
import { lexiconTagsOf } from './nlp.js';
import type { RuleData } from '../rules/schema.js';
import type { Span } from '../types.js';
import { phraseSource, StartScanner } from '../util/regex.js';
import type { SubjectRecord } from '../records.js';
import type { StructuralVia } from './grammar-subject.js';

export type EntityKind = SubjectRecord['kind'];

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  parent?: string;
}

export interface EntityMention extends Span {
  entity: Entity;
  /** The words as written ("Open AI", "The firm"). */
  text: string;
  /** How it was found: the lexicon, compromise, coreference, or the clause's structure. */
  via: 'lexicon' | 'nlp' | 'coreference' | 'carried' | 'lead-in' | 'table' | StructuralVia;
}

export interface EntityRules {
  byId: Map<string, Entity>;
  /** One regex over every alias, searched only where an alias can start; the alias found maps
   * back to its entity. */
  caseSensitive: StartScanner | null;
  caseInsensitive: StartScanner | null;
  alias: Map<string, Entity>;
  aliasLower: Map<string, Entity>;
  /** Every alias word, lower-case: such words are names, never foreign words. */
  known: Set<string>;
}

export function compileEntities(data: RuleData['claims.entities']): EntityRules {
  const byId = new Map<string, Entity>();
  const alias = new Map<string, Entity>();
  const aliasLower = new Map<string, Entity>();
  const known = new Set<string>();
  const cs: string[] = [];
  const ci: string[] = [];
  for (const e of data.entities) {
    const entity: Entity = { id: e.id, name: e.name, kind: e.kind, ...(e.parent ? { parent: e.parent } : {}) };
    byId.set(e.id, entity);
    for (const a of [e.name, ...e.aliases]) {
      for (const w of a.toLowerCase().split(/\s+/)) known.add(w.replace(/[.,]$/, ''));
      if (e.caseSensitive === false) {
        if (!aliasLower.has(a.toLowerCase())) { aliasLower.set(a.toLowerCase(), entity); ci.push(a); }
      } else if (!alias.has(a)) { alias.set(a, entity); cs.push(a); }
    }
  }
  const build = (list: string[], flags: string) => list.length === 0 ? null : new StartScanner(
    new RegExp(`(?<![\\p{L}\\d])(?:${list.sort((a, b) => b.length - a.length).map(phraseSource).join('|')})(?![\\p{L}\\d])`, flags), list, NOT_BEFORE_NAME);
  return { byId, caseSensitive: build(cs, 'gu'), caseInsensitive: build(ci, 'giu'), alias, aliasLower, known };
}

/** What may not come right before an alias (the regexes' lookbehind). */
const NOT_BEFORE_NAME = /[\p{L}\d]/u;

/** Lexicon mentions in `text` (offsets relative to it), longest alias first, no overlaps. */
export function findLexiconMentions(text: string, rules: EntityRules): EntityMention[] {
  const found: EntityMention[] = [];
  for (const [re, lower] of [[rules.caseSensitive, false], [rules.caseInsensitive, true]] as const) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const key = m[0].replace(/\s+/g, ' ');
      const entity = lower ? rules.aliasLower.get(key.toLowerCase()) : rules.alias.get(key);
      if (!entity) continue;
      // "US" the pronoun in capitals ("ALL OF US") is not the country: only in mixed-case text.
      if (entity.kind === 'place' && /^[A-Z]{2}$/.test(m[0]) && /\b[A-Z]{3,}\b/.test(text)) continue;
      // "North America", "Latin America", "Bank of America": a place's name that ends a longer
      // name is not that place.
      if (entity.kind === 'place' && endsLongerName(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      found.push({ start: m.index, end: m.index + m[0].length, entity, text: m[0], via: 'lexicon' });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntityMention[] = [];
  for (const f of found) if (!out.some((o) => f.start < o.end && o.start < f.end)) out.push(f);
  return out;
}

/** Whether the text before a place's name ends with a capitalized word of a longer name ("North ",
 * "Bank of "), not a capitalized function word that opens the sentence ("In ", "Across "). */
function endsLongerName(before: string): boolean {
  const m = /(\p{Lu}[\p{L}.-]*)\s+(?:(?:of|de)\s+)?$/u.exec(before);
  return !!m && !/Preposition|Determiner|Conjunction|Pronoun|Adverb/.test(lexiconTagsOf(m[1]));
}

/** A stable id for an entity the lexicon does not know: its name, lower-case, hyphenated. */
export function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown';
}
