/**
 * The nearest-name fallback, for a figure whose clause names no subject (grammar-subject.ts comes
 * first): the nearest entity mention before the figure in its sentence (names, "the firm", "it"),
 * else the first one after it unless a clause break stands between ("…, while X grew").
 * Attribution sources ("according to analysts") are never subjects.
 */
import type { EntityMention } from './entities.js';

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
}

/** Clause breaks between a mention and a figure that the mention does not reach across. */
const CLAUSE_BREAK = /;|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared (?:to|with)\b|\bunlike\b|\bversus\b|\bvs\.?/i;

export function nearestMention(input: SubjectInput): EntityMention | null {
  const usable = input.mentions.filter((m) => !input.attribution || m.end <= input.attribution.start || m.start >= input.attribution.end);
  // The nearest mention before the figure: in "Anthropic … up to $2,000 … compared to OpenAI's
  // model at around $20" each figure takes the name closest before it.
  const before = usable.filter((m) => m.end <= input.start);
  if (before.length > 0) return before[before.length - 1];
  const after = usable.find((m) => m.start >= input.end && !CLAUSE_BREAK.test(input.text.slice(input.end, m.start)));
  return after ?? null;
}
