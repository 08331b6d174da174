/**
 * A shallow parse of one sentence for the subject finder: compromise's part-of-speech tags turned
 * into word classes, with the sentence's figures as single tokens, corrected where compromise is
 * known to be wrong (clause-corrections.ts, with the lexicons of rules/claims/grammar.yml).
 * Only sentences that hold a claimed figure are parsed, and only their first MAX_PARSE characters.
 */
import type { Span } from '../types.js';
import type { RuleData } from '../rules/schema.js';
import { tagTerms, type TaggedTerm } from './nlp.js';
import { correctClasses } from './clause-corrections.js';
import { countryNames, demonymCountries, demonyms } from './places.js';
import { escapeRegex } from '../util/regex.js';

export type WordClass = 'fig' | 'verb' | 'noun' | 'pron' | 'det' | 'adj' | 'adv' | 'prep' | 'to' | 'conj' | 'sub' | 'rel' | 'other';

export interface Token extends Span {
  text: string;
  lower: string;
  cls: WordClass;
  tags: ReadonlySet<string>;
  /** Punctuation written before and after the word ("(", ",", ";"). */
  pre: string;
  post: string;
  /** Index of the figure this token belongs to, for `fig` tokens. */
  figure?: number;
  /** For `fig` tokens: the figure's kind, and whether the figure is itself the verb ("doubled"). */
  kind?: string;
  verbal?: boolean;
}

export interface ClauseFigure extends Span {
  kind: string;
  /** A multiplier written as a verb ("doubled", "cut in half"): it is the clause's verb too. */
  verbal: boolean;
}

export interface GrammarRules {
  figureVerbs: Set<string>;
  auxiliaries: Set<string>;
  controlVerbs: Set<string>;
  speechVerbs: Set<string>;
  /** "values the company at $12 billion": the figure after "at" is the object's value. */
  valuationVerbs: Set<string>;
  /** "approved a $3 billion dam": verbs whose object a sum before it prices. */
  pricedObjectVerbs: Set<string>;
  /** The last words of a firm's name that may be written later as its first word alone. */
  shortNameSuffixes: Set<string>;
  /** Titles before a person's name (lower case, no period). */
  titles: Set<string>;
  subordinators: Set<string>;
  relativePronouns: Set<string>;
  thirdPersonPronouns: Set<string>;
  possessivePronouns: Set<string>;
  objectPronouns: Set<string>;
  comparisons: Set<string>;
  comparisonVerbs: Set<string>;
  groupIntroducers: Set<string>;
  listenerVerbs: Set<string>;
  wholeWords: Set<string>;
  periodWords: Set<string>;
  economyMeasures: Set<string>;
  changeLeads: Set<string>;
  /** "…, a 12% increase": nouns naming a change, after a figure set off by a comma. */
  changeNouns: Set<string>;
  leadingDescriptors: Set<string>;
  asideSubordinators: Set<string>;
  frontedFigurePrepositions: Set<string>;
  passiveAuxiliaries: Set<string>;
  figureLeads: Set<string>;
  phraseJoiners: Set<string>;
  measureJoiners: Set<string>;
  notPriced: Set<string>;
  fractionWords: Set<string>;
  scaleWords: Set<string>;
  nameParticles: Set<string>;
  /** "Name in the northern province": a capitalized name before one of these words and a common noun. */
  nameThenPlace: RegExp;
  /** The prepositions of `nameThenPlace`: "built by Harrowgate Homes in Leeds" (a passive agent). */
  namePlacePrepositions: Set<string>;
  partitives: Set<string>;
  verbalMultipliers: Set<string>;
  /** Abbreviations that end an organization's name with a period ("Corp.", from orgWords). */
  nameAbbreviations: Set<string>;
  determiners: Set<string>;
  focusWords: Set<string>;
  personalPronouns: Set<string>;
  personalVerbs: Set<string>;
  metricHeads: Set<string>;
  measureAdjectives: Set<string>;
  orgWords: Set<string>;
  /** Countries and the rules' place aliases, lower-case name → canonical entity. */
  places: Map<string, { id: string; name: string }>;
  isPlace(lower: string): boolean;
  /** Words before a year that make it a fact of its own ("founded in 1998"). */
  yearFact: RegExp;
  /** Nationality words ("British"): names of no entity a figure is about. */
  demonyms: Set<string>;
  /** "Chinese" → China: the country a demonym that owns a measure stands for. */
  demonymPlaces: Map<string, { id: string; name: string }>;
  timeAdverbs: Set<string>;
  particles: Set<string>;
  paymentVerbs: Set<string>;
  chargeVerbs: Set<string>;
  peopleNouns: Set<string>;
  peoplePlacePrepositions: Set<string>;
  visitVerbs: Set<string>;
  compoundParticiples: Set<string>;
  /** "built in 1923": a year after one of these is a fact even beside other figures. */
  yearFactAlways: RegExp;
  selfNamedMeasures: Set<string>;
  subjectPronouns: Set<string>;
  /** "under 18", "aged 65": a threshold word and a number at the start of a string. */
  threshold: RegExp;
  timeAfterWords: Set<string>;
}

export function compileGrammar(data: RuleData['claims.grammar']): GrammarRules {
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  const places = countryNames();
  for (const p of data.placeAliases) {
    const canonical = [...places.values()].find((c) => c.id === p.id) ?? { id: p.id, name: p.names[0] };
    for (const n of p.names) places.set(n.toLowerCase(), canonical);
  }
  return {
    figureVerbs: lower(data.figureVerbs),
    auxiliaries: lower(data.auxiliaries),
    controlVerbs: lower(data.controlVerbs),
    speechVerbs: lower(data.speechVerbs),
    valuationVerbs: lower(data.valuationVerbs),
    pricedObjectVerbs: lower(data.pricedObjectVerbs),
    shortNameSuffixes: lower(data.shortNameSuffixes),
    titles: lower(data.titles),
    subordinators: lower(data.subordinators),
    relativePronouns: lower(data.relativePronouns),
    thirdPersonPronouns: lower(data.thirdPersonPronouns),
    possessivePronouns: lower(data.possessivePronouns),
    objectPronouns: lower(data.objectPronouns),
    comparisons: lower(data.comparisons),
    comparisonVerbs: lower(data.comparisonVerbs),
    groupIntroducers: lower(data.groupIntroducers),
    listenerVerbs: lower(data.listenerVerbs),
    wholeWords: lower(data.wholeWords),
    periodWords: lower(data.periodWords),
    economyMeasures: lower(data.economyMeasures),
    changeLeads: lower(data.changeLeads),
    changeNouns: lower(data.changeNouns),
    leadingDescriptors: lower(data.leadingDescriptors),
    asideSubordinators: lower(data.asideSubordinators),
    frontedFigurePrepositions: lower(data.frontedFigurePrepositions),
    passiveAuxiliaries: lower(data.passiveAuxiliaries),
    figureLeads: lower(data.figureLeads),
    phraseJoiners: lower(data.phraseJoiners),
    measureJoiners: lower(data.measureJoiners),
    notPriced: lower(data.notPriced),
    fractionWords: lower(data.fractionWords),
    scaleWords: lower(data.scaleWords),
    nameParticles: lower(data.nameParticles),
    nameThenPlace: new RegExp(`^((?:\\p{Lu}[\\p{L}.&'-]*\\s+(?:(?:${data.nameParticles.map(escapeRegex).join('|')})\\s+)*)*\\p{Lu}[\\p{L}.&'-]*)\\s+(?:${data.namePlacePrepositions.map(escapeRegex).join('|')})\\s+\\p{Ll}.*$`, 'u'),
    namePlacePrepositions: lower(data.namePlacePrepositions),
    partitives: lower(data.partitives),
    verbalMultipliers: lower(data.verbalMultipliers),
    nameAbbreviations: new Set(data.orgWords.filter((w) => w.endsWith('.')).map((w) => w.slice(0, -1))),
    determiners: lower(data.determiners),
    focusWords: lower(data.focusWords),
    personalPronouns: lower(data.personalPronouns),
    personalVerbs: lower(data.personalVerbs),
    metricHeads: lower(data.metricHeads),
    measureAdjectives: lower(data.measureAdjectives),
    orgWords: new Set(data.orgWords),
    places,
    demonyms: demonyms(),
    demonymPlaces: demonymCountries(),
    yearFact: new RegExp(`\\b(?:${data.yearFactBefore.map(escapeRegex).join('|')})\\s+(?:early\\s+|late\\s+|mid-?)?$`, 'i'),
    timeAdverbs: lower(data.timeAdverbs),
    particles: lower(data.particles),
    paymentVerbs: lower(data.paymentVerbs),
    chargeVerbs: lower(data.chargeVerbs),
    peopleNouns: lower(data.peopleNouns),
    peoplePlacePrepositions: lower(data.peoplePlacePrepositions),
    visitVerbs: lower(data.visitVerbs),
    compoundParticiples: lower(data.compoundParticiples),
    yearFactAlways: new RegExp(`\\b(?:${data.yearFactVerbs.map(escapeRegex).join('|')})\\s+(?:in\\s+)?(?:early\\s+|late\\s+|mid-?)?$`, 'i'),
    selfNamedMeasures: lower(data.selfNamedMeasures),
    subjectPronouns: lower(data.subjectPronouns),
    threshold: new RegExp(`^(?:${data.thresholdWords.map(escapeRegex).join('|')})\\s+\\d+\\b`, 'i'),
    timeAfterWords: lower(data.timeAfterWords),
    isPlace: (lower) => places.has(lower.replace(/^the\s+/, '')),
  };
}

/** A multiplier written as a verb, after any bound words: "doubled", "more than doubled", "cut in
 * half". */
export function isVerbalMultiplier(quote: string, g: GrammarRules): boolean {
  const words = quote.toLowerCase().replace(/\s+/g, ' ');
  for (const w of g.verbalMultipliers) if (words === w || words.endsWith(` ${w}`)) return true;
  return false;
}

/** Longest sentence prefix parsed: tagging cost grows faster than the text. */
export const MAX_PARSE = 600;
/** How far past the last figure the parse reaches, in characters. */
const AFTER_LAST_FIGURE = 60;

const VERB_TAGS = ['Verb', 'Copula', 'Modal', 'Auxiliary', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle'];

/** The part of `s` the clause parse tags: up to a few words past the last figure (its "of"
 * phrase, a passive's agent). What follows says nothing of who the figures are about, and tagging
 * costs by the word. */
export function clauseText(s: string, figures: readonly Span[]): string {
  const last = Math.max(0, ...figures.map((f) => f.end));
  const stop = s.indexOf(' ', Math.min(s.length, last + AFTER_LAST_FIGURE));
  return s.slice(0, Math.min(MAX_PARSE, stop < 0 ? s.length : stop));
}

/** Tokens of `s` with the figures (`figures`, sentence offsets) merged into one token each. */
export function parseClause(s: string, figures: ClauseFigure[], g: GrammarRules, terms: TaggedTerm[] = tagTerms(clauseText(s, figures))): Token[] {
  const out: Token[] = [];
  for (const t of terms) {
    // compromise splits contractions ("OpenAI’s" → "OpenAI’s" + an empty "is"): skip the empty half.
    if (!t.text) continue;
    const f = figures.findIndex((fig) => t.start < fig.end && fig.start < t.end);
    if (f >= 0) {
      const last = out[out.length - 1];
      if (last && last.figure === f) {
        last.end = Math.max(last.end, t.end);
        last.text = s.slice(last.start, last.end);
        last.post = t.post;
        continue;
      }
      out.push({ start: Math.min(t.start, figures[f].start), end: Math.max(t.end, figures[f].end), text: t.text, lower: t.text.toLowerCase(), cls: 'fig', tags: t.tags, pre: t.pre, post: t.post, figure: f, kind: figures[f].kind, verbal: figures[f].verbal });
      continue;
    }
    let lower = t.text.toLowerCase().replace(/[^\p{L}\p{N}'’.&-]+$/u, '');
    // "We've", "they're": the pronoun without its contracted verb.
    if (t.tags.has('Pronoun')) lower = lower.replace(/['’](?:ve|re|ll|d|m|s)$/, '');
    out.push({ start: t.start, end: t.end, text: t.text, lower, cls: classOf(lower, t.tags, g), tags: t.tags, pre: t.pre, post: t.post });
  }
  correctClasses(out, g);
  return out;
}

function classOf(lower: string, tags: ReadonlySet<string>, g: GrammarRules): WordClass {
  if (g.relativePronouns.has(lower) && !(lower === 'that' && tags.has('Determiner'))) return 'rel';
  if (g.subordinators.has(lower)) return 'sub';
  if (lower === 'to') return 'to';
  if (g.timeAdverbs.has(lower)) return 'adv';
  if (g.auxiliaries.has(lower)) return 'verb';
  if (lower === 'and' || lower === 'or' || lower === 'nor' || lower === '&' || lower === 'but' || lower === 'yet') return 'conj';
  if ((tags.has('Possessive') && tags.has('Pronoun')) || (g.possessivePronouns.has(lower) && lower !== 'her')) return 'det';
  if (tags.has('Pronoun')) return 'pron';
  if (tags.has('Determiner')) return 'det';
  if (tags.has('Preposition')) return 'prep';
  if (VERB_TAGS.some((t) => tags.has(t)) && !tags.has('Noun')) return 'verb';
  if (tags.has('Adverb')) return 'adv';
  if (tags.has('Adjective')) return 'adj';
  if (tags.has('Conjunction')) return 'conj';
  if (tags.has('Noun') || tags.has('Value') || tags.has('ProperNoun') || tags.has('Acronym')) return 'noun';
  return 'other';
}
