/**
 * A shallow parse of one sentence for the subject finder: compromise's part-of-speech tags turned
 * into word classes, with the sentence's figures as single tokens, corrected by the lexicons of
 * rules/claims/grammar.yml where compromise is known to be wrong (figure verbs tagged as nouns).
 * Only sentences that hold a claimed figure are parsed, and only their first MAX_PARSE characters.
 */
import type { Span } from '../types.js';
import type { RuleData } from '../rules/schema.js';
import { tagTerms } from './nlp.js';
import { isEnglishWord } from '../normalize/english-lexicon.js';
import { countryNames, demonyms } from './places.js';
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
  subordinators: Set<string>;
  relativePronouns: Set<string>;
  thirdPersonPronouns: Set<string>;
  possessivePronouns: Set<string>;
  objectPronouns: Set<string>;
  comparisons: Set<string>;
  comparisonVerbs: Set<string>;
  groupIntroducers: Set<string>;
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
    subordinators: lower(data.subordinators),
    relativePronouns: lower(data.relativePronouns),
    thirdPersonPronouns: lower(data.thirdPersonPronouns),
    possessivePronouns: lower(data.possessivePronouns),
    objectPronouns: lower(data.objectPronouns),
    comparisons: lower(data.comparisons),
    comparisonVerbs: lower(data.comparisonVerbs),
    groupIntroducers: lower(data.groupIntroducers),
    passiveAuxiliaries: lower(data.passiveAuxiliaries),
    figureLeads: lower(data.figureLeads),
    phraseJoiners: lower(data.phraseJoiners),
    measureJoiners: lower(data.measureJoiners),
    notPriced: lower(data.notPriced),
    fractionWords: lower(data.fractionWords),
    scaleWords: lower(data.scaleWords),
    nameParticles: lower(data.nameParticles),
    nameThenPlace: new RegExp(`^((?:\\p{Lu}[\\p{L}.&'-]*\\s+(?:(?:${data.nameParticles.map(escapeRegex).join('|')})\\s+)*)*\\p{Lu}[\\p{L}.&'-]*)\\s+(?:${data.namePlacePrepositions.map(escapeRegex).join('|')})\\s+\\p{Ll}.*$`, 'u'),
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

/** Tokens of `s` with the figures (`figures`, sentence offsets) merged into one token each. */
export function parseClause(s: string, figures: ClauseFigure[], g: GrammarRules): Token[] {
  // Up to a few words past the last figure (its "of" phrase, a passive's agent): what follows says
  // nothing of who the figures are about, and tagging costs by the word.
  const last = Math.max(0, ...figures.map((f) => f.end));
  const stop = s.indexOf(' ', Math.min(s.length, last + AFTER_LAST_FIGURE));
  const text = s.slice(0, Math.min(MAX_PARSE, stop < 0 ? s.length : stop));
  const terms = tagTerms(text);
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
  // "an American Jobs Act that …", "the Welfare to Work Partnership": a capitalized word right
  // after a capitalized noun continues the name, unless the line is written in title case (a
  // headline, where verbs are capitalized too) or it states a figure ("Acme Raises $5 Million").
  const capitalized = (t: Token) => /^\p{Lu}/u.test(t.text);
  const titleCase = out.filter((t) => /^\p{L}/u.test(t.text) && t.text.length > 3).every(capitalized);
  for (let i = 1; i < out.length && !titleCase; i++) {
    const w = out[i], before = out[i - 1];
    // "the Reclaim the Rovers campaign", "the Build Back Better plan": no verb follows "the".
    if (w.cls === 'verb' && capitalized(w) && (before.lower === 'the' || before.lower === 'a') && !before.post.trim() && !g.auxiliaries.has(w.lower)) { w.cls = 'noun'; continue; }
    if (!capitalized(w) || !capitalized(before) || before.cls !== 'noun' || before.post.trim() || g.auxiliaries.has(w.lower) || g.figureVerbs.has(w.lower)) continue;
    if (w.cls === 'verb' && out[i + 1]?.cls !== 'fig') w.cls = 'noun';
    // "Welfare to Work Partnership": "to" between two capitalized words is part of the name.
    if (w.cls === 'noun' && out[i + 1]?.cls === 'to' && out[i + 2] && capitalized(out[i + 2]) && out[i + 2].cls !== 'fig') { out[i + 1].cls = 'noun'; out[i + 2].cls = 'noun'; i += 2; }
  }
  // "The Save Our Parks campaign has raised …", "the campaign, which began …": a present-tense
  // "verb" right before an auxiliary, or before a relative clause set off by a comma, is the head
  // noun of the subject (a verb is not followed by "has" or ", which").
  for (let i = 1; i + 1 < out.length; i++) {
    const w = out[i], next = out[i + 1];
    if (w.cls !== 'verb' || g.auxiliaries.has(w.lower) || w.tags.has('PastTense') || /ing$/.test(w.lower) || !(out[i - 1].cls === 'noun' || out[i - 1].cls === 'adj')) continue;
    if ((g.auxiliaries.has(next.lower) && !w.post.trim()) || (next.cls === 'rel' && /,/.test(w.post))) w.cls = 'noun';
    // "House prices in London are expected to …": the same before a place phrase and the auxiliary.
    else if (next.cls === 'prep' && !w.post.trim() && /s$/.test(w.lower) && i === 1) {
      let j = i + 2;
      while (j < out.length && (out[j].cls === 'noun' || out[j].cls === 'adj' || out[j].cls === 'det') && !out[j - 1].post.trim()) j++;
      if (j > i + 2 && out[j] && g.auxiliaries.has(out[j].lower)) w.cls = 'noun';
    }
  }
  // "Spotify now has …": a capitalized word that is no English word names someone, whatever the
  // tagger made of its ending.
  for (const w of out) if (w.cls === 'verb' && /^\p{Lu}/u.test(w.text) && !g.auxiliaries.has(w.lower) && !isEnglishWord(w.lower)) w.cls = 'noun';
  // "the stock market that has doubled": "that" right after a noun opens a relative clause,
  // whatever the tagger said.
  for (let i = 1; i < out.length; i++) {
    if (out[i].lower === 'that' && out[i].cls === 'det' && (out[i - 1].cls === 'noun' || out[i - 1].cls === 'fig') && !/[,;:]/.test(out[i - 1].post)) out[i].cls = 'rel';
  }
  // "the housing budget", "a rented flat", "price of detached homes": between a determiner (or a
  // preposition, for a participle) and a noun, a verb form is an adjective.
  for (let i = 1; i + 1 < out.length; i++) {
    const w = out[i], before = out[i - 1];
    const participle = /(?:ed|ing)$/.test(w.lower);
    const opens = (before.cls === 'det' && !g.relativePronouns.has(before.lower)) || (participle && before.cls === 'prep');
    if (w.cls === 'verb' && !g.auxiliaries.has(w.lower) && opens && out[i + 1].cls === 'noun' && !/[,;:]/.test(before.post + w.post)) w.cls = 'adj';
  }
  // "a policy that stops giving $4 billion", "a firm which owns 12 plants": a present-tense "-s"
  // word right after a relative pronoun is the relative clause's verb.
  for (let i = 1; i + 1 < out.length; i++) {
    if (out[i - 1].cls === 'rel' && out[i].cls === 'noun' && /[a-z]s$/.test(out[i].lower) && !out[i].tags.has('ProperNoun') && ['verb', 'det', 'fig', 'noun', 'adj'].includes(out[i + 1].cls)) out[i].cls = 'verb';
  }
  // ", lead levels in the blood have fallen": a present-tense "verb" that opens a clause, with a
  // noun after it and a verb of the clause still to come, is the first noun of the subject.
  for (let i = 0; i + 1 < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'verb' || g.auxiliaries.has(w.lower) || w.tags.has('PastTense') || /ing$/.test(w.lower)) continue;
    if (i > 0 && !/[,;:]/.test(out[i - 1].post)) continue;
    if (out[i + 1].cls !== 'noun') continue;
    for (let j = i + 2; j < out.length && !/[,;:]/.test(out[j - 1].post); j++) {
      if (out[j].cls === 'verb' && (g.auxiliaries.has(out[j].lower) || out[j].tags.has('PastTense'))) { w.cls = 'noun'; break; }
    }
  }
  // "the fans' campaign": a word after a possessive is a noun, whatever the tagger said.
  for (let i = 1; i < out.length; i++) {
    if (out[i].cls === 'verb' && !g.auxiliaries.has(out[i].lower) && /(?:['’]s|s['’])$/.test(out[i - 1].text + out[i - 1].post.trim().slice(0, 1)) && out[i - 1].cls === 'noun') out[i].cls = 'noun';
  }
  // 'the film "Gone with the Wind"', 'the "board games and puzzle" market': words in quotes
  // are one name or term, not a clause.
  for (let i = 0; i < out.length; i++) {
    if (!/["“]$/.test(out[i].pre)) continue;
    const close = out.findIndex((t, j) => j >= i && j - i < 8 && /^["”]/.test(t.post));
    if (close < 0) continue;
    for (let j = i; j <= close; j++) if (out[j].cls === 'verb' && !g.auxiliaries.has(out[j].lower)) out[j].cls = 'noun';
    i = close;
  }
  // "people aged 100 or over": a threshold word before a number says which people; it is no verb.
  for (let i = 0; i + 1 < out.length; i++) if (out[i].cls === 'verb' && g.threshold.test(`${out[i].lower} ${out[i + 1].text}`)) out[i].cls = 'adj';
  // "federally-funded employees", "owner-occupied housing": words joined by a hyphen before a
  // noun are one modifier.
  for (let i = 0; i + 2 < out.length; i++) {
    const w = out[i], next = out[i + 1];
    if (w.post === '-' && w.cls !== 'fig' && next.cls !== 'fig' && (next.cls === 'verb' || next.cls === 'adj' || next.cls === 'noun') && (out[i + 2].cls === 'noun' || gerundBeforeNoun(out, i + 2))) { w.cls = 'adj'; next.cls = 'adj'; }
  }
  // "the Glasgow based developers", "a state owned bank": a name and a participle before a noun are
  // one modifier, written without its hyphen.
  for (let i = 1; i + 1 < out.length; i++) {
    const w = out[i], before = out[i - 1];
    if (g.compoundParticiples.has(w.lower) && before.cls === 'noun' && !before.post.trim() && !w.post.trim() && (out[i + 1].cls === 'noun' || out[i + 1].cls === 'adj')) { before.cls = 'adj'; w.cls = 'adj'; }
  }
  // "75 percent of our oil imports from …": after "of" and a determiner, a plural the tagger read
  // as a verb ("imports", "exports", "sales") is a noun; a verb cannot follow there.
  for (let i = 2; i < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'verb' || !/[a-z]s$/.test(w.lower) || g.auxiliaries.has(w.lower) || out[i - 1].post.trim()) continue;
    let j = i - 1;
    while (j > 0 && (out[j].cls === 'noun' || out[j].cls === 'adj') && !out[j].post.trim()) j--;
    if (j < i - 1 && out[j].cls === 'det' && out[j - 1]?.lower === 'of') w.cls = 'noun';
  }
  // "owner-occupied housing units", "rental housing": an "-ing" word between a modifier and a noun
  // is a modifier too.
  for (let i = 1; i + 1 < out.length; i++) {
    // (After a singular noun too, "rental housing units"; after a plural it may be a verb:
    // "investors buying stocks".)
    const before = out[i - 1];
    const modifier = before.cls === 'adj' || before.tags.has('Adjective') || (before.cls === 'noun' && !/s$/.test(before.lower) && !/^\p{Lu}/u.test(before.text));
    if (gerundBeforeNoun(out, i) && modifier && !before.post.trim()) out[i].cls = 'adj';
    // "the wine pairing ($85 each)": an "-ing" word that ends a phrase opened by a determiner is
    // its head noun.
    const w = out[i];
    const ends = !out[i + 1] || /[,;:.(]/.test(w.post) || opensParenAt(out[i + 1]);
    if (w.cls === 'verb' && /ing$/.test(w.lower) && before.cls === 'noun' && !before.post.trim() && out[i - 2]?.cls === 'det' && ends) w.cls = 'noun';
  }
  // "$10 cover and …", "$9 fish stew- …": the words right after a sum, up to the end of its list
  // entry, are what the sum buys, whatever the tagger said.
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].kind !== 'money' || out[i - 1].post.trim()) continue;
    const word = (w: Token) => (w.cls === 'verb' || w.cls === 'noun' || w.cls === 'adj') && !g.auxiliaries.has(w.lower);
    if (!word(out[i])) continue;
    let j = i;
    while (j + 1 < out.length && !out[j].post.trim() && word(out[j + 1])) j++;
    const ends = j + 1 >= out.length || out[j + 1].cls === 'conj' || g.auxiliaries.has(out[j + 1].lower) || /[,;:.–—-]/.test(out[j].post);
    if (ends) for (let k = i; k <= j; k++) if (out[k].cls === 'verb') out[k].cls = 'noun';
  }
  // Right to left: a verb found later in the sentence must not turn an earlier one back into a
  // noun ("The council that runs the port collected £3 million").
  for (let i = out.length - 1; i >= 0; i--) correct(out, i, g);
  // "Microsoft and Meta plan to spend": a verb that takes "to" + verb, after a noun, is the verb.
  for (let i = 1; i + 2 < out.length; i++) {
    if (g.controlVerbs.has(out[i].lower) && out[i].cls !== 'verb' && out[i + 1].cls === 'to' && out[i + 2].cls === 'verb' && (out[i - 1].cls === 'noun' || out[i - 1].cls === 'adj' || out[i - 1].cls === 'pron')) out[i].cls = 'verb';
  }
  return out;
}

const opensParenAt = (t: Token) => t.pre.includes('(');

function gerundBeforeNoun(out: Token[], i: number): boolean {
  return out[i].cls === 'verb' && /ing$/.test(out[i].lower) && !out[i].post.trim() && out[i + 1]?.cls === 'noun';
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

/** Where compromise's tags are known to mislead: a figure verb after a noun phrase and before a
 * figure or a determiner ("revenue rose 10%", "territories encompass an area of …") is the verb,
 * whatever the tagger said; and then the words of the noun phrase before it are not verbs
 * ("Forex reserves cross $45 bn", "Centre sanctions Rs 13 crore"). */
function correct(tokens: Token[], i: number, g: GrammarRules): void {
  const t = tokens[i];
  // Right after a determiner or a possessive it is a noun: "a record $2 billion", "the cost",
  // "China's exports to the US".
  // ("Tax raid at jeweller's yields Rs 15 crore": right before its figure it is the verb still.)
  if (t.cls === 'fig' || !g.figureVerbs.has(t.lower) || !tokens[i - 1] || /[,;:(]/.test(tokens[i - 1].post) || tokens[i - 1].cls === 'det' || (/['’]s$/.test(tokens[i - 1].text) && tokens[i + 1]?.cls !== 'fig')) return;
  const next = tokens.slice(i + 1, i + 4).find((n) => n.cls === 'fig' || (n.cls !== 'adv' && !g.figureLeads.has(n.lower)));
  if (!next || !(next.cls === 'fig' || (next.cls === 'det' && !g.possessivePronouns.has(next.lower) && next.lower !== 'that'))) return;
  // The noun phrase before the verb, back to its start: a present-tense "verb" inside it is a
  // noun the tagger misread ("Tax raid at jeweller's yields"); a past tense, a speech verb or an
  // auxiliary is a real verb and ends the phrase.
  const nounlike = (w: Token) => w.cls === 'noun' || w.cls === 'adj' || w.cls === 'det' || w.cls === 'prep' ||
    (w.cls === 'verb' && !w.tags.has('PastTense') && !w.tags.has('Gerund') && !g.auxiliaries.has(w.lower) && !g.speechVerbs.has(w.lower));
  let j = i - 1;
  while (j >= 0 && !/[,;:(]/.test(tokens[j].post) && nounlike(tokens[j])) j--;
  const phrase = tokens.slice(j + 1, i);
  if (phrase.length === 0 && tokens[j]?.cls !== 'pron' && tokens[j]?.cls !== 'fig' && tokens[j]?.cls !== 'rel') return;
  for (const w of phrase) if (w.cls === 'verb') w.cls = 'noun';
  t.cls = 'verb';
}
