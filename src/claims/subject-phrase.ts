/**
 * Noun phrases over the tokens of clause.ts, as subjects: trimmed of determiners, appositions and
 * parentheses, extended over "of"/"in" phrases and lists of names, and refined so that a phrase
 * whose head names a measure names its owner ("Murchison's fortune" → Murchison).
 */
import type { Span } from '../types.js';
import type { GrammarRules, Token } from './clause.js';
import { comma, dash, finite, hardBreak, nounish, opensParen } from './clause-bounds.js';
import { isEnglishWord, isListedWord } from '../normalize/english-lexicon.js';
import { MONTH_NAME } from './time.js';

export type StructuralVia = 'speaker' | 'passive-agent' | 'clause-subject' | 'of-complement' | 'possessive-owner' | 'object' | 'parenthesis' | 'counted-noun' | 'relative-clause' | 'after-figure' | 'same-as-figure' | 'before-colon' | 'payer' | 'recipient' | 'where-counted' | 'share-of';

export interface StructuralSubject {
  /** The words that name the subject (sentence offsets), determiners dropped. */
  span: Span;
  via: StructuralVia;
  /** The measure named by the subject's head ("fortune", "average price"), if any. */
  metric: string | null;
  /** The subject is a third-person pronoun ("it", "its") the caller must resolve. */
  pronoun: boolean;
  /** The speaker's noun phrase when the figure sits in what the speaker said. */
  speaker: Span | null;
  /** The phrase names a measure with no owner in it: 'bare' ("revenue rose", "the average price
   * was") says nothing of whose; 'modified' ("data-center revenue") is its own subject unless a
   * speaker owns it ("The company said data-center revenue rose"). */
  unowned?: 'bare' | 'modified';
  /** The clause's subject is the writer ("I lost 70 pounds") and names nothing else: a personal
   * statement, no claim unless it prices something. */
  personal?: boolean;
  /** The span is a possessive owner ("the firm's"), whatever `via` says of how it was found. */
  owner?: boolean;
  /** The clause's subject is "we": a speaker that is an organization may be who "we" are. With
   * `unnamed`, the span is the "we" itself and names no one. */
  we?: boolean;
  unnamed?: boolean;
  /** The subject is the noun a count is written with ("4.0 million children" → children). */
  counted?: boolean;
  /** For a counted noun: the age or threshold after the figure that says which ("under 12"). */
  descriptor?: Span;
  /** For a pronoun that cannot be resolved: what the figure is the price of ("they charged $2 for
   * an egg"). */
  alternative?: StructuralSubject | null;
}

/** The words from `from` to `to` as a subject phrase: determiners, adverbs, an apposition
 * ("Duarte Peak, the highest point …,") and a parenthesis dropped; null when no noun is left. */
export function trimPhrase(tokens: Token[], from: number, to: number, g: GrammarRules): { from: number; to: number } | null {
  let a = from, b = to;
  // Determiners go, but not a possessive pronoun: "its first phase" is about what "its" is; nor
  // "those" that stands for people ("those age 65 or over": a singular after it is no noun of its).
  const head = (i: number) => {
    const next = tokens[i + 1];
    return /^th(?:ese|ose)$/.test(tokens[i].lower) && !!next && !/s$/.test(next.lower) && (next.cls !== 'adj' || g.threshold.test(`${next.lower} ${tokens[i + 2]?.text ?? ''}`));
  };
  let adverb = false;
  while (a < b && !tokens[a].tags.has('ProperNoun') && !g.thirdPersonPronouns.has(tokens[a].lower) && (tokens[a].cls === 'adv' || tokens[a].cls === 'det' || g.determiners.has(tokens[a].lower)) && !head(a)) {
    adverb ||= tokens[a].cls === 'adv';
    a++;
  }
  // "Each of the 40 schools", "some of the firms": the partitive's noun phrase.
  if (a + 1 < b && tokens[a].lower === 'of' && a > from) {
    a++;
    while (a < b && tokens[a].cls === 'det' && !g.thirdPersonPronouns.has(tokens[a].lower)) a++;
  }
  // "the 12-mile tunnel", "our $120 bill": a figure that only modifies the noun after it is no part
  // of its name (the figure is a claim of its own).
  while (b - a > 1 && tokens[a].cls === 'fig' && !tokens[a].post.trim() && tokens[a + 1].cls === 'noun' && (tokens[a].kind === 'money' || tokens[a].kind === 'measure')) a++;
  // "the increasingly important other channels", "a smarter tax policy": a judgement on the
  // thing (an adjective an adverb grades, a comparative) is not part of its name.
  if (b - a > 2 && tokens[a].cls === 'adj' && (!/^\p{Lu}/u.test(tokens[a].text) || tokens[a].start === 0) && (adverb || tokens[a].tags.has('Comparative'))) a++;
  for (let i = a; i < b; i++) {
    const t = tokens[i];
    if (i > a && (opensParen(t) || t.cls === 'rel' || t.cls === 'sub' || (t.cls === 'pron' && !g.thirdPersonPronouns.has(t.lower)))) { b = i; break; }
    // "Microsoft, Meta and Alphabet": commas inside a list of names do not end the phrase.
    if (comma(t) && !listContinues(tokens, i + 1, b)) { b = i + 1; break; }
    if (hardBreak(t)) { b = i + 1; break; }
  }
  // (… and a day or month after the name: "Initech Monday said …".)
  // (… and an adjective after its noun, before a preposition: "a spending package early on
  // Saturday", "the firm responsible for …".)
  const trailingAdjective = (k: number) => tokens[k].cls === 'adj' && k > a && tokens[k - 1].cls === 'noun' && /^\p{Ll}/u.test(tokens[k].text) && tokens[k + 1]?.cls === 'prep';
  while (b > a && (tokens[b - 1].cls === 'adv' || trailingAdjective(b - 1) || tokens[b - 1].cls === 'prep' || tokens[b - 1].cls === 'conj' || tokens[b - 1].cls === 'to' || g.focusWords.has(tokens[b - 1].lower) || tokens[b - 1].tags.has('WeekDay') || tokens[b - 1].tags.has('Month'))) b--;
  if (b - a > 12 || b <= a) return null;
  // A possessive pronoun alone names nothing ("pay their … a wage" cut short).
  if (b - a === 1 && tokens[a].cls === 'det') return null;
  // ("the three main channels": a count after "the" is the phrase itself, it only says how many.)
  const counted = (t: Token, i: number) => t.cls === 'fig' && t.kind === 'count' && tokens[i - 1]?.lower === 'the';
  if (!tokens.slice(a, b).some((t, i) => t.cls === 'noun' || t.cls === 'pron' || t.cls === 'adj' || (t.cls === 'det' && g.thirdPersonPronouns.has(t.lower)) || counted(t, a + i) || (i === 0 && head(a)))) return null;
  return { from: a, to: b };
}

/** After a comma at `from`: more names, then "and"/"or" and a last one, before `to`. */
export function listContinues(tokens: Token[], from: number, to: number): boolean {
  let sawConj = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    const name = t.cls === 'noun' && /^\p{Lu}/u.test(t.text);
    if (t.cls === 'conj') sawConj = true;
    else if (!name) return false;
    else if (sawConj) return true;
  }
  return false;
}

/** The object after the verb: "we doubled the child credit", "lifting the minimum wage to …". */
export function objectOf(tokens: Token[], from: number, to: number, g: GrammarRules): StructuralSubject | null {
  // "jack up our $120 bill": past the verb's particle, and past a sum that only prices the noun.
  while (from < to && g.particles.has(tokens[from].lower)) from++;
  let end = from;
  // "our exports over the next five years": a word like "over" (tagged an adjective) ends it.
  while (end < to && ((nounish(tokens[end]) && !timeAt(tokens, end) && !g.notPriced.has(tokens[end].lower)) || pricesNoun(tokens, end) || (tokens[end].cls === 'adv' && nounish(tokens[end + 1])) || (end > from && g.measureJoiners.has(tokens[end].lower) && nounish(tokens[end + 1])))) {
    end++;
    if (comma(tokens[end - 1])) break;
  }
  // (trimPhrase drops a leading sum that only prices the noun: "our $120 bill" → bill.)
  const phrase = trimPhrase(tokens, from, end, g);
  return phrase ? refine(tokens, phrase.from, phrase.to, 'object', g) : null;
}

/** A sum written before the noun it prices, inside a phrase: "our $120 bill". */
function pricesNoun(tokens: Token[], k: number): boolean {
  return tokens[k].cls === 'fig' && tokens[k].kind === 'money' && !tokens[k].post.trim() && tokens[k + 1]?.cls === 'noun';
}

/** The noun phrase right before a relative pronoun at `rel`: "the Highland Council which …";
 * "681 households, out of which 22.3% …" → the households counted. */
export function nounBefore(tokens: Token[], rel: number, g: GrammarRules): StructuralSubject | null {
  let end = rel;
  while (end > 0 && g.partitives.has(tokens[end - 1].lower)) end--;
  if (tokens[end - 1]?.cls === 'fig') return countedNoun(tokens, end - 1);
  let from = end;
  while (from > 0 && nounish(tokens[from - 1]) && !(from < end && comma(tokens[from - 1]))) from--;
  const phrase = trimPhrase(tokens, from, end, g);
  return phrase ? refine(tokens, phrase.from, phrase.to, 'relative-clause', g) : null;
}

export function countedNoun(tokens: Token[], fi: number): StructuralSubject | null {
  return tokens[fi].kind === 'count' ? { span: span(tokens, fi, fi + 1), via: 'counted-noun', metric: null, pronoun: false, speaker: null, counted: true } : null;
}

/** The noun phrase right after a money figure: "$7 draft beers", "$12 million for a program". */
export function afterFigure(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  if (comma(tokens[fi]) || hardBreak(tokens[fi]) || tokens[fi].kind !== 'money') return null;
  let k = fi + 1;
  // "$1 million to study stress in plants", "100₾ buying the new bicycle": what the sum pays for.
  const gerund = tokens[k]?.cls === 'verb' && /ing$/.test(tokens[k].lower) ? k : -1;
  const purpose = tokens[k]?.cls === 'to' && tokens[k + 1]?.cls === 'verb' ? k + 1 : gerund;
  if (purpose > 0 && !g.auxiliaries.has(tokens[purpose].lower) && nounish(tokens[purpose + 1])) {
    const object = objectOf(tokens, purpose + 1, tokens.length, g);
    return object && { ...object, via: 'after-figure' };
  }
  // "$3 billion in the Century Research Fund": a named fund or body it goes into (not a place,
  // not "in revenue").
  if (tokens[k]?.lower === 'in') {
    const named = tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
    // ("the 21st Century Research Fund": an ordinal may lead the name.)
    const lead = /^\d+(?:st|nd|rd|th)$/.test(tokens[named]?.text ?? '') ? named + 1 : named;
    if (!/^\p{Lu}/u.test(tokens[lead]?.text ?? '')) return null;
    const phrase = trimPhrase(tokens, named, phraseEnd(tokens, named, g), g);
    const text = phrase && tokens.slice(phrase.from, phrase.to).map((t) => t.text).join(' ');
    return phrase && !g.isPlace(text!.toLowerCase()) && !tokens[named].tags.has('Place') ? refine(tokens, phrase.from, phrase.to, 'after-figure', g) : null;
  }
  if (tokens[k]?.lower === 'for' || tokens[k]?.lower === 'on') k++;
  const t = tokens[k];
  if (!t || opensParen(t) || !nounish(t) || t.tags.has('Preposition') || t.tags.has('Value') || g.notPriced.has(t.lower)) return null;
  const phrase = trimPhrase(tokens, k, phraseEnd(tokens, k, g), g);
  // A length of time is not what a sum is the price of ("paid $32 for three hours").
  if (!phrase || tokens.slice(phrase.from, phrase.to).some((u) => u.tags.has('Date') || u.tags.has('Duration'))) return null;
  return refine(tokens, phrase.from, phrase.to, 'after-figure', g);
}

/** "under 12", "aged 65 or over" at `k`: the end (exclusive) of an age or threshold that says
 * which people a phrase means; `k` when there is none. */
export function descriptorEnd(tokens: Token[], k: number, g: GrammarRules): number {
  const t = tokens[k];
  if (!t) return k;
  if (t.cls === 'fig' && g.threshold.test(t.text)) return k + 1;
  if (!g.threshold.test(`${t.lower} ${tokens[k + 1]?.text ?? ''}`)) return k;
  return tokens[k + 2]?.lower === 'or' && /^(?:over|older|above|more)$/.test(tokens[k + 3]?.lower ?? '') ? k + 4 : k + 2;
}

/** End (exclusive) of the noun phrase starting at `from`: nouns, adjectives, determiners,
 * "of"/"in"/"on"/"from" phrases and "and" between nouns, up to a verb, comma, figure, parenthesis
 * or relative pronoun. */
export function phraseEnd(tokens: Token[], from: number, g: GrammarRules): number {
  let k = from;
  while (k < tokens.length) {
    const t = tokens[k];
    if (k > from && (opensParen(t) || t.cls === 'rel' || g.relativePronouns.has(t.lower))) break;
    // A time ends the phrase: "Initech last year", "the company this quarter"; so does a number.
    // ("the 21st Century Fund": a capitalized time word inside a name is part of it.)
    const inName = /^\p{Lu}/u.test(t.text) && !t.tags.has('WeekDay') && !t.tags.has('Month') && /^(?:\p{Lu}|\d+(?:st|nd|rd|th)$)/u.test(tokens[k - 1]?.text ?? '');
    if (k > from && ((timeAt(tokens, k) && !inName) || (t.tags.has('Value') && !!tokens[k + 1]?.tags.has('Duration')))) break;
    const next = tokens[k + 1];
    // "those under 18", "people aged 65 or over": an age or threshold that says which people.
    if (k > from && descriptorEnd(tokens, k, g) > k) return descriptorEnd(tokens, k, g);
    const joins = k > from && next && next.cls !== 'fig' && (g.phraseJoiners.has(t.lower) || (t.cls === 'conj' && nounish(next) && !opensClause(tokens, k + 1, g)));
    if (!(nounish(t) || joins)) break;
    k++;
    if (comma(t) || hardBreak(t) || dash(t) || t.post.includes(')')) break;
    // "80% of Americans access to …": a people's name in the plural is the whole phrase.
    if (/^\p{Lu}.*s$/u.test(t.text) && g.demonyms.has(t.text.slice(0, -1))) break;
  }
  return k;
}

/** "the storm and the airport reported …": after "and", a noun phrase with a verb of its own is a
 * new clause, not more of the phrase. */
function opensClause(tokens: Token[], from: number, g: GrammarRules): boolean {
  // (A bare common noun after "and" is more of the phrase: "board games and puzzle market gave".)
  if (tokens[from]?.cls !== 'det' && !/^\p{Lu}/u.test(tokens[from]?.text ?? '')) return false;
  let k = from;
  while (k < tokens.length && nounish(tokens[k]) && !comma(tokens[k])) k++;
  // ("the National Aeronautics and Space Administration rose": capitalized words on both sides of
  // "and", ending in an organization word, are one name.)
  if (k > from && /^\p{Lu}/u.test(tokens[from - 2]?.text ?? '') && /^\p{Lu}/u.test(tokens[from].text) && g.orgWords.has(tokens[k - 1].text)) return false;
  return k > from && k < tokens.length && finite(tokens[k]);
}

/** A subject phrase whose head names a measure names its owner. */
export function refine(tokens: Token[], from: number, to: number, via: StructuralVia, g: GrammarRules): StructuralSubject | null {
  const words = tokens.slice(from, to);
  if (words.length === 0) return null;
  // "(each of) the 40 schools": a phrase that is only a count is about what it counts.
  if (words.length === 1 && words[0].cls === 'fig') {
    const counted = countedNoun(tokens, from);
    return counted && { ...counted, via };
  }
  // "Spending on AI by the four largest cloud providers", "investment in chip plants by Intel":
  // a measure named by its head and followed by "by" and a noun phrase belongs to that phrase (the
  // agent of the measure); what comes between says what it is spent on.
  const headAt = words.findIndex((t) => t.cls !== 'det' && t.cls !== 'adj');
  const by = words.findIndex((t, i) => i > headAt + 1 && t.lower === 'by');
  if (headAt >= 0 && by > 0 && g.metricHeads.has(words[headAt].lower) && words[by + 1]?.cls !== 'fig') {
    const agent = trimPhrase(tokens, from + by + 1, Math.min(to, phraseEnd(tokens, from + by + 1, g)), g);
    const owner = agent && refine(tokens, agent.from, agent.to, 'passive-agent', g);
    if (owner) return { ...owner, metric: owner.metric ?? metricWords(words.slice(headAt, headAt + 1), g) };
  }
  // "Chinese exports to the US", "German industrial output": a people's name before a measure
  // stands for its country, which owns the measure (subject-entity.ts names the country).
  const measureAt = words.findIndex((t, i) => i > 0 && g.metricHeads.has(t.lower));
  if (measureAt > 0 && g.demonymPlaces.has(words[0].text) && words.slice(1, measureAt).every((t) => t.cls === 'adj' || t.cls === 'noun')) {
    return { span: span(tokens, from, from + 1), via: 'possessive-owner', metric: metricWords(words.slice(1, measureAt + 1), g), pronoun: false, speaker: null };
  }
  // "the average price of a detached home in London" → a detached home in London; "a 2001
  // estimate for the US market" → the US market.
  const of = words.findIndex((t, i) => t.lower === 'of' || (g.measureJoiners.has(t.lower) && headIsMetric(words.slice(0, i), g)));
  // "Portugal's sales of wine": a possessive before the measure owns it; the "of" phrase says what.
  const owned = of > 0 ? words.slice(0, of).findIndex((t) => /['’]s$/.test(t.text) && (t.cls === 'noun' || t.cls === 'adj') && !t.tags.has('Date')) : -1;
  if (owned >= 0 && owned < of - 1 && headIsMetric(words.slice(0, of), g)) {
    return { span: span(tokens, from, from + owned + 1), via: 'possessive-owner', metric: metricWords(words.slice(owned + 1), g), pronoun: false, speaker: null };
  }
  if (of > 0 && headIsMetric(words.slice(0, of), g)) {
    // "Revenue for the quarter", "sales in the first half": a time after the measure owns nothing;
    // the measure stands alone (and whose it is comes from the speaker or the context).
    const rest = words.slice(of + 1).filter((t) => t.cls !== 'det' && t.cls !== 'adj' && !t.tags.has('Ordinal'));
    if (rest.length === 1 && (rest[0].tags.has('Date') || rest[0].tags.has('Duration') || g.periodWords.has(rest[0].lower))) return refine(tokens, from, from + of, via, g);
    // (Only the noun phrase after "of": "the number of new cafes per year" → new cafes.)
    const inner = trimPhrase(tokens, from + of + 1, Math.min(to, phraseEnd(tokens, from + of + 1, g)), g);
    if (inner) {
      const owner = refine(tokens, inner.from, inner.to, 'of-complement', g);
      if (owner) return { ...owner, metric: metricWords(words.slice(0, of), g) };
    }
  }
  // "China's exports to the US": a measure followed by where it goes is still owned by its owner.
  const head = of < 0 && !headIsMetric(words, g) ? words.findIndex((t, i) => i > 0 && g.metricHeads.has(t.lower) && (words[i + 1]?.cls === 'prep' || words[i + 1]?.cls === 'to')) : -1;
  if (head > 0 && /['’]s$/.test(words[head - 1].text)) {
    return { span: span(tokens, from, from + head), via: 'possessive-owner', metric: metricWords(words.slice(head), g), pronoun: g.thirdPersonPronouns.has(words[head - 1].lower), speaker: null };
  }
  // ("Europe's largest airline by passenger numbers": the head is before "by", and it is no measure.)
  const byAt = words.findIndex((t, i) => i > 0 && t.lower === 'by');
  if (of < 0 && words.length > 1 && headIsMetric(byAt > 0 ? words.slice(0, byAt) : words, g)) {
    // "Murchison's fortune", "Chicago's robbery rate", "its revenue": the possessive owner.
    const pos = words.findIndex((t) => t.tags.has('Possessive') || (/['’]s?$/.test(t.text) && (t.cls === 'noun' || t.cls === 'adj')));
    // "This year's budget": a time owns nothing; the phrase is its head.
    if (pos >= 0 && (words[pos].tags.has('Date') || words[pos].tags.has('Duration'))) return { span: span(tokens, from + pos + 1, to), via, metric: null, pronoun: false, speaker: null };
    if (pos >= 0 && pos < words.length - 1) {
      return { span: span(tokens, from, from + pos + 1), via: 'possessive-owner', metric: metricWords(words.slice(pos + 1), g), pronoun: g.thirdPersonPronouns.has(words[pos].lower), speaker: null };
    }
    // "UK exports": a country before the head is the owner.
    const headAt = words.findIndex((t, i) => i > 0 && g.metricHeads.has(t.lower));
    const lead = words.slice(0, headAt).map((t) => t.text).join(' ').toLowerCase();
    if (headAt > 0 && g.isPlace(lead)) return { span: span(tokens, from, from + headAt), via: 'possessive-owner', metric: metricWords(words.slice(headAt), g), pronoun: false, speaker: null };
    // "the CBC budget", "Netflix subscriber growth": a name before the measure owns it.
    const owner = headAt > 0 ? nameRun(tokens, from, from + headAt, g) : null;
    if (owner) return { span: span(tokens, owner.from, owner.to), via: 'possessive-owner', metric: metricWords(words.slice(owner.to - from), g), pronoun: false, speaker: null };
  }
  // "its first phase", "their budget": a possessive pronoun names the owner.
  if (words.length > 1 && g.possessivePronouns.has(words[0].lower) && g.thirdPersonPronouns.has(words[0].lower)) {
    return { span: span(tokens, from, from + 1), via: 'possessive-owner', metric: headIsMetric(words, g) ? metricWords(words.slice(1), g) : null, pronoun: true, speaker: null };
  }
  // "Chinese automaker BYD", "US chipmaker Nvidia": a common noun right before a name says what
  // the name is; the name is the subject.
  const named = apposedName(words, g);
  if (named > 0) return { span: span(tokens, from + named, to), via, metric: null, pronoun: false, speaker: null };
  if ((via === 'clause-subject' || via === 'object') && of < 0 && headIsMetric(words, g)) {
    const bare = words.every((t) => t.cls === 'det' || g.measureAdjectives.has(t.lower) || g.metricHeads.has(t.lower));
    return { span: span(tokens, from, to), via, metric: metricWords(words, g), pronoun: false, speaker: null, unowned: bare ? 'bare' : 'modified' };
  }
  return { span: span(tokens, from, to), via, metric: null, pronoun: false, speaker: null };
}

/** Where the name starts in a phrase that ends with a name written after a lower-case common
 * noun saying what it is ("automaker BYD", "president Joe Biden"); -1 when it does not. A noun
 * that names a measure is no description, and a time is no name ("sales Monday"). */
function apposedName(words: Token[], g: GrammarRules): number {
  // (A people is no name here: "middle class Americans" are not Americans at large.)
  const isName = (t: Token) => /^\p{Lu}/u.test(t.text) && (t.cls === 'noun' || t.cls === 'adj') && !t.tags.has('Date') && !t.tags.has('Month') && !t.tags.has('WeekDay') &&
    !g.demonyms.has(t.text) && !g.demonyms.has(t.text.replace(/s$/, ''));
  let k = words.length;
  while (k > 0 && isName(words[k - 1])) k--;
  const noun = words[k - 1];
  if (k === words.length || !noun || noun.cls !== 'noun' || !/^\p{Ll}/u.test(noun.text) || /['’]s?$/.test(noun.text) || g.metricHeads.has(noun.lower)) return -1;
  // The word before must be an English common noun: not a word inside the name ("Kingdom of
  // Ireland", "Lanza del Vasto").
  if (g.nameParticles.has(noun.lower) || noun.tags.has('Preposition') || noun.tags.has('Conjunction') || g.determiners.has(noun.lower) || !isEnglishWord(noun.lower)) return -1;
  return k;
}

/** The first run of capitalized words between `from` and `to` that names someone: not a
 * nationality ("Portuguese exports"), a quarter or date ("Q3 revenue"), a measure word
 * ("Average price"), or an everyday word the tagger names no one by ("AI infrastructure
 * spending" is a market, not AI's). */
function nameRun(tokens: Token[], from: number, to: number, g: GrammarRules): { from: number; to: number } | null {
  // ("the New York Times": an everyday word before another capitalized word is part of a name; at
  // the start of the sentence, only in a run of three: "Average Price" is no name.)
  const capital = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
  // A capitalized noun or adjective that is no time and no people.
  const capitalWord = (i: number) => capital(tokens[i]) && (tokens[i].cls === 'noun' || tokens[i].cls === 'adj') && !tokens[i].tags.has('Date') && !g.demonyms.has(tokens[i].text);
  const inRun = (i: number) => capital(tokens[i + 1]) && !tokens[i].post.trim() && (tokens[i].start > 0 || (capital(tokens[i + 2]) && !tokens[i + 1].post.trim()));
  const isName = (i: number) => {
    const t = tokens[i];
    // (An everyday word written as a name inside a sentence is a name too, "while Airbus stock
    // rose"; not an acronym, "AI infrastructure spending".)
    const midName = t.start > 0 && /^\p{Lu}\p{Ll}/u.test(t.text);
    return capitalWord(i) && !/^Q\d/.test(t.text) && !(g.measureAdjectives.has(t.lower) && !inRun(i)) &&
      !(isListedWord(t.lower) && !t.tags.has('Organization') && !t.tags.has('Person') && !t.tags.has('Place') && !inRun(i) && !midName);
  };
  let a = from;
  while (a < to && !isName(a)) a++;
  // ("Manchester United shares": once a name has begun, an everyday capitalized word goes on with it.)
  const inName = (i: number) => isName(i) || (i > a && capitalWord(i));
  let b = a;
  while (b < to && inName(b) && !tokens[b].post.trim()) b++;
  if (b < to && inName(b)) b++;
  return b > a ? { from: a, to: b } : null;
}

export function headIsMetric(words: Token[], g: GrammarRules): boolean {
  const last = words[words.length - 1]?.lower ?? '';
  const two = words.slice(-2).map((t) => t.lower).join(' ');
  return g.metricHeads.has(last) || g.metricHeads.has(two);
}

/** The measure's words as written ("data-center revenue"), without determiners. */
export function metricWords(words: Token[], g: GrammarRules): string {
  const kept = words.filter((t) => !g.determiners.has(t.lower) && t.cls !== 'det');
  return kept.map((t, i) => t.lower.replace(/['’]s$/, '') + (i === kept.length - 1 ? '' : t.post.includes('-') ? '-' : ' ')).join('');
}

/** A time starts at `k`: "last year", "this quarter", "2021". */
export function timeAt(tokens: Token[], k: number): boolean {
  // ("hired in March": a month's name is a time whatever the tagger made of it.)
  return tokens[k].tags.has('Date') || MONTH_NAME.test(tokens[k].text) || (tokens[k].cls !== 'noun' && !!tokens[k + 1]?.tags.has('Date'));
}

export function span(tokens: Token[], from: number, to: number): Span {
  return { start: tokens[from].start, end: tokens[to - 1].end };
}
