/**
 * Tagging with compromise (loaded once, on first use, by util/compromise.ts). Text handed to one
 * nlp() call is capped: cost grows faster than linearly with length.
 */
import { compromise } from '../util/compromise.js';
import type { Span } from '../types.js';
import { BoundedMemo } from '../util/memo.js';

/** Longest text tagged in one call; sentences are capped well below this already. */
export const MAX_NLP_TEXT = 2000;

export interface TaggedNames {
  organizations: Span[];
  people: Span[];
  places: Span[];
}

/** Organizations, people and places compromise finds in one sentence (offsets into it). */
export function namesIn(sentence: string): TaggedNames {
  const text = sentence.slice(0, MAX_NLP_TEXT);
  return namesInTerms(text, tagTerms(text));
}

const NAME_TAGS = ['Organization', 'Person', 'Place', 'ProperNoun'];

/**
 * The names among tagged terms: each run of consecutive terms of one compromise sentence that
 * carry a name tag (what `match('(#Organization|#Person|#Place|#ProperNoun)+')` finds, commas
 * between the terms included), as spans with the terms' offsets. Names come from compromise's
 * lexicon and pre-tagger (capitalization, known names, suffixes like "Corp."), the same tagging
 * the clause parse reads, so a sentence is tagged once for both.
 */
export function namesInTerms(text: string, terms: readonly TaggedTerm[]): TaggedNames {
  const out: TaggedNames = { organizations: [], people: [], places: [] };
  const isName = (t: TaggedTerm) => NAME_TAGS.some((tag) => t.tags.has(tag));
  for (let i = 0; i < terms.length; i++) {
    if (!isName(terms[i])) continue;
    let j = i;
    while (j + 1 < terms.length && terms[j + 1].sentence === terms[i].sentence && isName(terms[j + 1])) j++;
    const run = terms.slice(i, j + 1);
    i = j;
    // compromise's spans take in the last term's punctuation: trim it (a term may hold some too).
    const raw = text.slice(run[0].start, run[run.length - 1].end);
    const trimmed = raw.replace(/[\s\p{P}\p{S}]+$/u, '');
    if (!trimmed) continue;
    const span = { start: run[0].start, end: run[0].start + trimmed.length };
    const has = (tag: string) => run.some((t) => t.tags.has(tag));
    // A proper noun of no known kind ("Gartner") is most often an organization in news.
    (has('Person') && !has('Organization') ? out.people : has('Place') && !has('Organization') ? out.places : out.organizations).push(span);
  }
  return out;
}

/** Part-of-speech tags of each term of a short text, with offsets into it. */
export function termTags(text: string): { start: number; end: number; tags: string[] }[] {
  const doc = compromise()(text.slice(0, MAX_NLP_TEXT));
  return (doc.json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number } }[] }[])
    .flatMap((j) => j.terms.map((t) => ({ start: t.offset.start, end: t.offset.start + t.text.length, tags: t.tags })));
}

export interface TaggedTerm extends Span {
  text: string;
  /** compromise's own tag set of the term (read, never changed). */
  tags: ReadonlySet<string>;
  pre: string;
  post: string;
  /** Which of compromise's sentences the term is in (a name never runs across two). */
  sentence: number;
}

/** Every term of a text with its tags and the punctuation around it. */
export function tagTerms(text: string): TaggedTerm[] {
  // Lexicon and pre-tagger only, as for names: the post-tagger's context rules cost five times as
  // much, and the words whose tags matter here (figure verbs, auxiliaries, relative pronouns) are
  // corrected by rules/claims/grammar.yml anyway.
  const input = text.slice(0, MAX_NLP_TEXT);
  const doc = compromise().tokenize(input);
  doc.compute(['lexicon', 'preTagger']);
  // Offsets by walking the terms (pre + text + post rebuild the text exactly), which costs far
  // less than json({ offset: true }); a text compromise rebuilds differently falls back to it.
  const out: TaggedTerm[] = [];
  let at = 0;
  let index = 0;
  for (const sentence of (doc as unknown as { document: { text: string; pre: string; post: string; tags: Set<string> }[][] }).document) {
    index++;
    for (const t of sentence) {
      at += t.pre.length;
      if (input.slice(at, at + t.text.length) !== t.text) return tagTermsByJson(input);
      out.push({ start: at, end: at + t.text.length, text: t.text, tags: t.tags, pre: t.pre, post: t.post, sentence: index });
      at += t.text.length + t.post.length;
    }
  }
  return out;
}

function tagTermsByJson(input: string): TaggedTerm[] {
  const doc = compromise().tokenize(input);
  doc.compute(['lexicon', 'preTagger']);
  return (doc.json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; pre: string; post: string; offset: { start: number } }[] }[])
    .flatMap((j, index) => j.terms.map((t) => ({ start: t.offset.start, end: t.offset.start + t.text.length, text: t.text, tags: new Set(t.tags), pre: t.pre, post: t.post, sentence: index + 1 })));
}

/** Whether compromise knows the word as one that is a noun or a verb by context ("cut",
 * "forecast", "report": its Noun|Verb switches). */
export function nounOrVerb(word: string): boolean {
  const switches = (compromise().model() as { two: { switches: Record<string, string> } }).two.switches;
  return /Verb/.test(switches[word] ?? '');
}

/** compromise's lexicon tags of a word (or of a phrase it lists whole), as one string; '' when
 * it does not list it. */
let lexicon: Record<string, string | string[]> | null = null;
export function lexiconTagsOf(word: string): string {
  const tags = tagsOfWord.get(word);
  if (tags !== undefined) return tags;
  // (The lexicon object is compromise's own and never replaced: fetched once, read per word.)
  const t = (lexicon ??= lexiconTags())[word.toLowerCase()];
  return tagsOfWord.set(word, t === undefined ? '' : typeof t === 'string' ? t : t.join(','));
}
/** Words as written → their tags: the same words are asked about in every sentence, and a
 * lookup by the word as written skips lower-casing it and reading compromise's large object. */
const tagsOfWord = new BoundedMemo<string, string>();

/** compromise's own lexicon: word → tag(s). */
export function lexiconTags(): Record<string, string | string[]> {
  return (compromise().model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
}

/** Noun phrases of a short text, determiners dropped ("a cutting-edge model" → "cutting-edge model"). */
export function nounPhrases(text: string): { text: string; start: number }[] {
  const doc = compromise()(text.slice(0, MAX_NLP_TEXT));
  return (doc.nouns().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((j) => {
    const raw = text.slice(j.offset.start, j.offset.start + j.offset.length).replace(/[\s.,;:!?'"’)]+$/u, '');
    const lead = /^(?:(?:a|an|the|this|that|these|those|its|their|our|his|her|some|many|every|each)\s+)+/i.exec(raw)?.[0] ?? '';
    return { text: raw.slice(lead.length), start: j.offset.start + lead.length };
  }).filter((p) => p.text && !/^(it|they|them|we|he|she|i|you|this|that|which|who|what)$/i.test(p.text));
}
