/**
 * Which entity a figure is about. In order:
 *  1. a table cell: an entity named in the cell (its parenthetical), else in the row label;
 *  2. a multiplier verb ("models … expected to double"): the noun it is said of;
 *  3. the nearest entity mention before the figure in its clause (names, "the firm", "it");
 *  4. the first mention after it in the sentence (a fronted phrase: "In 2019, it established");
 *  5. a list entry under a lead-in ("Training a cutting-edge model may require:"): the lead-in's
 *     entity, else its noun phrase;
 *  6. the subject carried over from the previous sentences.
 * Attribution sources ("according to analysts") are never subjects.
 */
import type { Entity, EntityMention } from './entities.js';

export interface SubjectInput {
  /** Sentence text (normalized). */
  text: string;
  /** The figure's offsets in the sentence. */
  start: number;
  end: number;
  /** Mentions in the sentence: lexicon, nlp and coreference, sorted. */
  mentions: EntityMention[];
  /** Offsets of the attribution source in the sentence, if any. */
  attribution: { start: number; end: number } | null;
  isMultiplierVerb: boolean;
}

/** Clause breaks between a mention and a figure that the mention does not reach across. */
const CLAUSE_BREAK = /;|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared (?:to|with)\b|\bunlike\b|\bversus\b|\bvs\.?/i;

export function subjectInSentence(input: SubjectInput): EntityMention | null {
  const usable = input.mentions.filter((m) => !input.attribution || m.end <= input.attribution.start || m.start >= input.attribution.end);
  if (input.isMultiplierVerb) {
    const noun = nounBeforeVerb(input.text, input.start);
    if (noun) return noun;
  }
  // The nearest mention before the figure: in "Anthropic … up to $2,000 … compared to OpenAI's
  // model at around $20" each figure takes the name closest before it.
  const before = usable.filter((m) => m.end <= input.start);
  if (before.length > 0) return before[before.length - 1];
  // Else the first after it, unless a clause break stands between ("…, while X grew").
  const after = usable.find((m) => m.start >= input.end && !CLAUSE_BREAK.test(input.text.slice(input.end, m.start)));
  return after ?? null;
}

/** "models that are expected to double": the plural noun the verb is said of. */
function nounBeforeVerb(text: string, start: number): EntityMention | null {
  const m = /(\b[\p{L}][\p{L}-]*s)\s+(?:(?:that|which|who)\s+)?(?:(?:are|is|will|could|may|might|would|should|were|was|have|has|had)\s+)?(?:(?:expected|set|likely|projected|poised|going|forecast|about|set)\s+)?(?:to\s+)?$/u.exec(text.slice(0, start));
  if (!m || /^(?:is|was|has|does|this|its|us|as|analysts|plans|aims)$/i.test(m[1])) return null;
  const entity: Entity = { id: m[1].toLowerCase(), name: m[1].toLowerCase(), kind: 'group' };
  return { start: m.index, end: m.index + m[1].length, entity, text: m[1], via: 'noun-phrase' };
}
