/**
 * Checks on counts that decide whether a figure is a claim: "two paths" is a way of speaking, and
 * in "one business moves forward" the "counted noun" is a verb.
 */
import type { SentenceQuantity } from '../quantities/extract.js';
import { termTags, lexiconTagsOf } from './nlp.js';

/** "one thing", "two paths", "three reasons": counts written as a word below ten, with no scale
 * (not "two people were killed": what happened to them, `event`, is stated of them);
 * not when the sentence states the count of its subject right after one of `statedBy`'s verbs
 * ("the house has seven bedrooms", "the firm runs three plants"), with a subject other than the
 * writer or reader ("we have two options" is a way of speaking). */
export function isSmallWordNumber(s: string, q: SentenceQuantity, statedBy: RegExp, event: RegExp): boolean {
  if (q.bound !== 'exact' || q.value === null || q.value >= 10 || !Number.isInteger(q.value)) return false;
  if (/\d/.test(s.slice(q.span.start, q.span.end))) return false;
  // "Two people were killed": what happened to the people counted is a fact about them.
  if (q.value >= 2 && event.test(s.slice(q.span.start, q.span.start + 80).replace(/^\S+/, ''))) return false;
  return q.value < 2 || !statedBy.test(s.slice(Math.max(0, q.span.start - 40), q.span.start));
}

/** Whether compromise's lexicon allows the word to be a verb ("differ", "seems"); words it knows
 * only as nouns ("users", "moves") skip the tagger. */
export function mayBeVerb(word: string): boolean {
  const own = lexiconTagsOf(word);
  if (own) return /Verb|Infinitive|Tense|Gerund|Participle/.test(own);
  const stem = word.replace(/(?:es|s)$/, '');
  return stem !== word && /Verb|Infinitive|Tense/.test(lexiconTagsOf(stem));
}

/** Words of context the verb check tags around a counted noun: enough for compromise to tell
 * "one business moves forward" (a verb) from "two business moves" (a noun), at a fraction of the
 * cost of tagging the whole sentence. */
const VERB_CHECK_WINDOW = 60;

/** "one business moves forward": the counted "noun" is the sentence's verb, so no count. */
export function countedWordIsVerb(s: string, q: SentenceQuantity): boolean {
  if (!mayBeVerb(q.unit)) return false;
  const from = Math.max(0, s.lastIndexOf(' ', Math.max(0, q.span.start - 20)) + 1);
  const window = s.slice(from, Math.min(s.length, q.span.end + VERB_CHECK_WINDOW));
  const end = q.span.end - from;
  const terms = termTags(window);
  const at = terms.findIndex((t) => t.end === end || (t.start < end && end <= t.end));
  const term = terms[at];
  // "hire 300 engineers", "of 300 engineers": after a verb or a preposition the count is an
  // object, and the word after it its noun; only a count that opens a clause can have a verb there.
  const before = terms.filter((t) => t.end <= q.span.start - from).pop();
  if (before && before.tags.some((t) => /Verb|Infinitive|Preposition/.test(t))) return false;
  return !!term && term.tags.includes('Verb') && !term.tags.includes('Noun');
}

