/**
 * How sure the text is (reported, projected, hedged, asserted), who says so, and whether the
 * sentence is a question (then it states nothing). Cue lists come from rules/claims/modality.yml.
 */
import { attributionTriggerSource, type RuleData } from '../rules/schema.js';
import { escapeRegex, phraseSource, wordsScanner, type StartScanner } from '../util/regex.js';
import { rulePattern, type TextPattern } from '../util/user-regex.js';
import type { ClaimRecord } from '../records.js';
import { lexiconTagsOf } from './nlp.js';

export type Modality = ClaimRecord['modality'];

export interface ModalityRules {
  cues: { modality: Modality; re: StartScanner }[];
  /** Phrases whose cue word compares with an expectation ("missed forecasts"): blanked first. */
  notCues: RegExp | null;
  /** Cue words that are names or months when capitalized ("fell 7% in May"): blanked first. */
  capitalizedNotCues: RegExp | null;
  /** `name`: the source must be a name, every word capitalized. */
  attribution: { re: TextPattern; name: boolean }[];
  /** The words every attribution pattern needs: a cheap test before the costly patterns. */
  attributionTrigger: TextPattern;
  questionEnd: RegExp;
}

/** Between two words of a `notCues` phrase: a space, or up to two words. */
const NOT_CUE_GAP = String.raw`\s+(?:[\p{L}'’-]+\s+){0,2}`;

/** The source of an attribution: a short noun phrase of up to `words` words, no clause punctuation. */
const source = (words = 5) => String.raw`((?:the\s+)?[\p{L}][\p{L}\p{N}'.&-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'.&-]*){0,${words - 1}}?)`;

/** `vetted` says which patterns are the shipped ones (JS RegExp); a user's run on RE2 where it can
 * (util/user-regex.ts). */
export function compileModality(data: RuleData['claims.modality'], vetted: (pattern: string) => boolean = () => true): ModalityRules {
  const patterns = data.attribution.map((a) => a.pattern);
  return {
    cues: (['reported', 'projected', 'hedged'] as const).map((m) => ({ modality: m, re: wordsScanner(data.modality[m]) })),
    // (Up to two words may stand between a phrase's words: "missed delivery forecasts".)
    notCues: data.notCues.length > 0 ? new RegExp(`(?<![\\p{L}])(?:${data.notCues.map((p) => p.split(/\s+/).map(escapeRegex).join(NOT_CUE_GAP)).join('|')})(?![\\p{L}])`, 'giu') : null,
    capitalizedNotCues: data.capitalizedNotCues.length > 0 ? new RegExp(`(?<![\\p{L}])(?:${data.capitalizedNotCues.map(escapeRegex).join('|')})(?![\\p{L}])`, 'gu') : null,
    attribution: data.attribution.map((a) => ({ re: rulePattern(a.pattern.replace('{source}', source(a.words)), 'iu', vetted(a.pattern)), name: a.name ?? false })),
    attributionTrigger: rulePattern(attributionTriggerSource(patterns), 'iu', patterns.every(vetted)),
    questionEnd: new RegExp(`(?:${data.questions.endsWith.map(phraseSource).join('|')})["')\\]\\s]*$`, 'u'),
  };
}

export function modalityOf(sentence: string, rules: ModalityRules): Modality {
  // ("missed forecasts", "than expected": the cue word compares; it hedges nothing.)
  const blank = (m: string) => ' '.repeat(m.length);
  let text = rules.notCues ? sentence.replace(rules.notCues, blank) : sentence;
  // ("sales fell in May", "Theresa May said": a month or a name, no hedge.)
  if (rules.capitalizedNotCues) text = text.replace(rules.capitalizedNotCues, blank);
  for (const c of rules.cues) if (c.re.test(text)) return c.modality;
  return 'asserted';
}

const TIME_AFTER_SOURCE = /\s+(?:(?:on|last|this|early|late|earlier)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|morning|afternoon|evening|night|quarter)|yesterday|today|tonight|recently|also|earlier|previously|now)$/i;

/** Who the sentence says the claim comes from ("analysts" of "according to analysts"); never a
 * pronoun, a conjunction, or a preposition or time that follows the verb ("it said in a statement"). */
export function attributionOf(sentence: string, rules: ModalityRules): string | null {
  if (!rules.attributionTrigger.test(sentence)) return null;
  for (const { re, name } of rules.attribution) {
    const m = re.exec(sentence);
    if (m && name && !m[1].split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) continue;
    // ("The reported figure": a verb after a determiner is an adjective; its noun is no speaker.)
    if (m && !m[0].startsWith(m[1]) && DETERMINER_BEFORE.test(sentence.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (m) {
      // ("Acme on Tuesday said": the time between the speaker and the verb is not the speaker.)
      const source = m[1].replace(/^the\s+/i, '').replace(/[.,;:]+$/, '').trim().replace(TIME_AFTER_SOURCE, '');
      if (source && !/^(it|he|she|they|we|i|you|this|that|which|who)$/i.test(source) && !/^(to|that|which|and|or|but|if|when|as|of|in|on|at|by|for|with|from|during|after|before|last|earlier|later|yesterday|today|tonight|recently)\b/i.test(source) && endsAsNoun(source)) return source;
    }
  }
  return null;
}

const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|his|her|our|this|that)\s+$/i;

/** compromise's lexicon tags of a word no noun phrase ends with. */
const NOT_A_NOUN_END = /Determiner|Preposition|Conjunction|Gerund|PastTense|Adverb/;

/**
 * Whether a source ends as a noun phrase does: the verbs of the patterns are nouns and adjectives
 * too, and then what comes before them is no speaker ("worth an estimated £3 million": "an";
 * "beating estimates": "beating"; "agreed to pay $1 billion to settle claims that …": "to settle";
 * "denied reports that …": "denied").
 */
function endsAsNoun(source: string): boolean {
  const words = source.split(/\s+/);
  const last = words[words.length - 1];
  // ("said jocularly": a manner, not a speaker. "short of analysts' estimates": a plural
  // possessive owns the noun after it, which is then no verb.)
  if (/s['’]$/.test(last) || NOT_A_NOUN_END.test(lexiconTagsOf(last)) || (words.length === 1 && /^\p{Ll}+ly$/u.test(last))) return false;
  return !(words.length > 1 && words[words.length - 2].toLowerCase() === 'to' && /Infinitive|Verb/.test(lexiconTagsOf(last)));
}

/** A question states nothing: it ends with "?" (a headline posed as a question too). */
export function isQuestion(sentence: string, rules: ModalityRules): boolean {
  return rules.questionEnd.test(sentence.trim());
}

/** Where the question of a sentence that ends in one starts, or -1: after the last point where a
 * new sentence begins that the segmenter left joined ("… ($85 each) Was it worth it?"), so the
 * statements before it stay statements. */
export function questionStart(sentence: string, rules: ModalityRules): number {
  if (!isQuestion(sentence, rules)) return -1;
  let start = 0;
  for (const m of sentence.matchAll(/[.!:;)]\s+(?=\p{Lu})/gu)) start = m.index + m[0].length;
  return start;
}
