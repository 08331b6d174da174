/**
 * Coreference inside one article: pronouns and definite descriptions ("the firm", "it", "their")
 * resolve to the most recent entity that fits. A small, explainable rule set, not a model.
 */
import type { Entity, EntityMention } from './entities.js';

/** Words that point back to an entity, and what kinds of entity each may point to. */
const ANAPHORS: { re: RegExp; kinds: Entity['kind'][] }[] = [
  { re: /\b(?:the|this|that)\s+(?:firm|company|startup|start-up|group|business|lab|organization|organisation|corporation|giant|maker|developer|provider)\b(?:'s)?/giu, kinds: ['org'] },
  { re: /\b(?:it|its|itself)\b/giu, kinds: ['org', 'product', 'place', 'thing'] },
  { re: /\b(?:they|them|their|theirs|themselves)\b/giu, kinds: ['group', 'org'] },
  { re: /\b(?:he|him|his|she|her|hers)\b/giu, kinds: ['person'] },
  { re: /\b(?:the|this)\s+(?:country|region|continent|nation|city)\b/giu, kinds: ['place'] },
  { re: /\b(?:the|this)\s+(?:product|model|service|app|platform)\b/giu, kinds: ['product'] },
];

/** The history of resolved mentions, most recent last. */
export class MentionHistory {
  private items: { entity: Entity; sentence: number }[] = [];

  add(entity: Entity, sentence: number): void {
    this.items.push({ entity, sentence });
    if (this.items.length > 200) this.items.splice(0, 100);
  }

  /** The most recent entity of one of `kinds`, mentioned no more than `window` sentences back. */
  latest(kinds: Entity['kind'][], sentence: number, window = 8): Entity | null {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const it = this.items[i];
      if (sentence - it.sentence > window) return null;
      if (kinds.includes(it.entity.kind)) return it.entity;
    }
    return null;
  }

  /** Entities mentioned in one sentence, in order. */
  inSentence(sentence: number): Entity[] {
    return this.items.filter((i) => i.sentence === sentence).map((i) => i.entity);
  }
}

/**
 * Anaphora in `text` resolved against `explicit` mentions earlier in the same text, then the
 * history. Returns mentions marked `via: 'coreference'`.
 */
/** All anaphors in one pass: the alternatives of ANAPHORS as numbered groups. */
const ANY_ANAPHOR = new RegExp(ANAPHORS.map((a) => `(${a.re.source})`).join('|'), 'giu');

export function resolveAnaphora(text: string, explicit: EntityMention[], history: MentionHistory, sentence: number): EntityMention[] {
  const out: EntityMention[] = [];
  ANY_ANAPHOR.lastIndex = 0;
  for (let m = ANY_ANAPHOR.exec(text); m; m = ANY_ANAPHOR.exec(text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const { kinds } = ANAPHORS[group - 1];
    {
      if (explicit.some((e) => m!.index < e.end && e.start < m!.index + m![0].length)) continue;
      const earlier = explicit.filter((e) => e.end <= m!.index && kinds.includes(e.entity.kind));
      const entity = earlier.length > 0 ? earlier[earlier.length - 1].entity : history.latest(kinds, sentence);
      if (entity) out.push({ start: m.index, end: m.index + m[0].length, entity, text: m[0], via: 'coreference' });
    }
  }
  return out;
}
