/**
 * The one module that imports compromise for tagging. Its world is global, so it is configured
 * here once. Text handed to one nlp() call is capped: cost grows faster than linearly with length.
 */
import nlp from 'compromise';
import type { Span } from '../types.js';

/** Longest text tagged in one call; sentences are capped well below this already. */
export const MAX_NLP_TEXT = 2000;

export interface TaggedSentence {
  organizations: Span[];
  people: Span[];
  places: Span[];
  /** Part-of-speech tags of each term, with offsets into the sentence. */
  terms: { start: number; end: number; tags: string[] }[];
}

/** Organizations, people, places and term tags of one sentence (offsets into it). */
export function tagSentence(sentence: string): TaggedSentence {
  const text = sentence.slice(0, MAX_NLP_TEXT);
  const doc = nlp(text);
  const terms = (doc.json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number; length: number } }[] }[])
    .flatMap((j) => j.terms.map((t) => ({ start: t.offset.start, end: t.offset.start + t.text.length, tags: t.tags })));
  const spans = (view: ReturnType<typeof doc.organizations>): Span[] =>
    (view.json({ offset: true }) as { offset: { start: number; length: number }; text: string }[]).map((j) => {
      // compromise spans include trailing punctuation: trim it.
      const raw = text.slice(j.offset.start, j.offset.start + j.offset.length);
      const trimmed = raw.replace(/[\s.,;:!?'"’)]+$/u, '');
      return { start: j.offset.start, end: j.offset.start + trimmed.length };
    }).filter((s) => s.end > s.start);
  return { organizations: spans(doc.organizations()), people: spans(doc.people()), places: spans(doc.places()), terms };
}

/** Noun phrases of a short text, determiners dropped ("a cutting-edge model" → "cutting-edge model"). */
export function nounPhrases(text: string): { text: string; start: number }[] {
  const doc = nlp(text.slice(0, MAX_NLP_TEXT));
  return (doc.nouns().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((j) => {
    const raw = text.slice(j.offset.start, j.offset.start + j.offset.length).replace(/[\s.,;:!?'"’)]+$/u, '');
    const lead = /^(?:(?:a|an|the|this|that|these|those|its|their|our|his|her|some|many|every|each)\s+)+/i.exec(raw)?.[0] ?? '';
    return { text: raw.slice(lead.length), start: j.offset.start + lead.length };
  }).filter((p) => p.text && !/^(it|they|them|we|he|she|i|you|this|that|which|who|what)$/i.test(p.text));
}
