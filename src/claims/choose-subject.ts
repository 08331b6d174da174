/**
 * The subject of one figure, in order: a table cell's entity or its row label; what the clause's
 * structure names (grammar-subject.ts); the nearest lexicon or coreference mention (subject.ts);
 * names compromise finds shortly before the figure (never places or nationalities); the speaker
 * when nothing else is; the list lead-in; the subject of the two sentences before; a speaker named
 * by a description; last, a measure no one owns as its own subject ("the deficit").
 */
import type { ClaimRules } from './rules.js';
import type { ClaimInput } from './build.js';
import type { Sentence, Span } from '../types.js';
import type { SentenceQuantity } from '../quantities/extract.js';
import { findLexiconMentions, slug, type EntityMention } from './entities.js';
import { nearestMention } from './subject.js';
import { namesIn, nounPhrases, type TaggedNames } from './nlp.js';
import { isEnglishWord } from '../normalize/english-lexicon.js';
import type { Token } from './clause.js';
import { structuralSubject } from './grammar-subject.js';
import { mentionOfSubject, withoutPlaceOwner } from './subject-entity.js';
import { formNames, withoutTitle } from './form-names.js';
import { wordBefore } from '../util/position.js';

export interface SubjectContext {
  a: ClaimInput;
  rules: ClaimRules;
  sentence: Sentence;
  s: string;
  q: SentenceQuantity;
  figure: Span;
  all: EntityMention[];
  attributionSpan: Span | null;
  /** The names compromise finds in the sentence up to `end` (sentence offsets), tagged once. */
  names: (end: number) => TaggedNames;
  lastSubject: { mention: EntityMention; sentence: number } | null;
  firstFigureStart: number;
  lastFigureStart: number;
  /** Tag whole sentences, as the unoptimized path would. */
  eager: boolean;
  /** The sentence's shallow parse (made on first use) and this figure's index among its figures. */
  clause: () => Token[];
  figureIndex: number;
}

export type ChosenSubject = EntityMention & { metric?: string | null };

/** The subject, and whether the clause is the writer speaking of themself ("I lost 70 pounds"). */
export interface SubjectChoice {
  subject: ChosenSubject | null;
  personal: boolean;
  /** The clause names an owner only as "this …'s": a quiz clue's masked answer when the line
   * stands alone ("this merchant's skyscraper"; "this meal: $20" names its meal). */
  masked: boolean;
}

/** How far before a figure (in characters) compromise looks for a name the lexicon lacks. */
const NAME_WINDOW = 120;

/** The subject of one figure, in the order above; `metric` is the measure the clause named. */
export function chooseSubject(c: SubjectContext): SubjectChoice {
  const table = c.sentence.block.table;
  let subject: ChosenSubject | null = null;
  let metric: string | null = null;
  let masked = false;
  let ownPhrase: ChosenSubject | null = null;
  if (table) subject = subjectInCell(c.all) ?? subjectInRowLabel(table.rowLabel, c.rules);
  // The clause's own structure: what the sentence says the figure is about.
  if (!subject) {
    const tokens = c.clause();
    const found = structuralSubject(tokens, c.figureIndex, c.rules.grammar);
    metric = found?.metric ?? null;
    if (found?.personal) return { subject: null, personal: true, masked: false };
    // A list entry with no verb ("150 megawatts of power" under "The cluster will need:") is
    // about its lead-in, not about what it measures.
    // (An entry with a verb of its own says what it is about: "There were 1.15 million homes for
    // sale" under "Here is what the data show:".)
    const listEntry = c.sentence.block.leadIn && found && (found.via === 'of-complement' || found.via === 'after-figure' || found.via === 'counted-noun') && !tokens.some((t) => t.cls === 'verb');
    // "'We expect to grow revenue by 20%,' the company said": an organization that speaks is who
    // "we" are, and what the clause says is its own.
    const we = found?.we ? speakingOrganization(c) ?? quotedOrganization(c) : null;
    const mention = we ?? (found && !listEntry && !found.unnamed && mentionOfSubject(c.s, found, tokens, c.all, c.rules.grammar));
    if (mention) subject = { ...mention, metric };
    // "The deficit has been cut by 20%": a measure no one in the sentence owns waits for an owner
    // from the context below; with none, it is its own subject (gold/README.md: the sentence's own
    // noun phrase when it names no subject).
    // ("this number" points back: it names nothing itself.)
    else if (found?.unowned === 'bare' && !listEntry && !DEMONSTRATIVE_BEFORE.test(c.s.slice(Math.max(0, found.span.start - 7), found.span.start))) {
      ownPhrase = mentionOfSubject(c.s, { ...found, unowned: undefined }, tokens, c.all, c.rules.grammar);
    }
    masked = maskedOwner(c.s.slice(0, c.figure.end), tokens);
  }
  // ("Acme told Reuters that sales rose 5%": whom a speaker tells is no subject; read only when
  // the clause named no subject.)
  let heard: EntityMention[] | null = null;
  const heardMentions = () => (heard ??= c.all.filter((m) => !c.rules.grammar.listenerVerbs.has(wordBefore(c.s, m.start)?.toLowerCase() ?? '')));
  if (!subject) subject = nearestMention({ text: c.s, ...c.figure, mentions: heardMentions(), attribution: c.attributionSpan });
  // Names the lexicon does not know (compromise's organizations, people, places) come next, read
  // off the sentence's one tagging: only names from the first word that could begin one (at most
  // NAME_WINDOW before the first figure) up to this figure.
  const first = c.firstFigureStart;
  const windowStart = first > NAME_WINDOW ? c.s.indexOf(' ', first - NAME_WINDOW) + 1 : 0;
  const from = firstNameCandidate(c.s, windowStart);
  if (!subject && (c.eager || (from >= 0 && from < c.figure.start))) {
    // The unoptimized path (eagerNlp) tags the whole sentence; the same filters apply to both.
    const names = nlpNames(c.s, c.eager ? namesIn(c.s) : c.names(c.figure.start), c.rules.grammar)
      .filter((m) => m.start >= windowStart && m.end <= c.figure.start && !c.all.some((k) => m.start < k.end && k.start < m.end))
      // A place or nationality near a figure is rarely what it is about ("the tour grossed $12
      // million in Germany", "American sports fans"): only the clause's structure may name one.
      .filter((m) => m.entity.kind !== 'place' && !c.rules.grammar.isPlace(m.text.toLowerCase()) && !c.rules.grammar.demonyms.has(m.text.replace(/['’]s$/, '')));
    subject = nearestMention({ text: c.s, ...c.figure, mentions: names, attribution: c.attributionSpan });
  }
  // "The company said revenue rose to $30 billion": a speaker talking of itself is the subject
  // when nothing else in the sentence is.
  if (!subject) subject = nearestMention({ text: c.s, ...c.figure, mentions: heardMentions(), attribution: null });
  if (!subject && c.sentence.block.leadIn) subject = subjectOfLeadIn(c.a, c.sentence.block.leadIn, c.rules);
  // (A measure of the whole economy is no one's: "Prices could rise 15%, the central bank warned",
  // "Analysts expect prices to fall another 2%" after a sentence about builders.)
  const economyWide = !!ownPhrase && c.rules.grammar.economyMeasures.has(ownPhrase.entity.name.toLowerCase());
  if (!subject && !economyWide && c.lastSubject && c.sentence.index - c.lastSubject.sentence <= 2) subject = { ...c.lastSubject.mention, via: 'carried' };
  // "Its revenue grew 25%, the company said": with nothing named before, a speaker the sentence
  // names only by a description ("the company", "the bank") is talking of itself.
  if (!subject && c.attributionSpan && !economyWide) subject = describedSpeaker(c.s, c.attributionSpan, c.rules);
  subject ??= ownPhrase;
  // The clause's measure ("revenue") stays the metric whoever the fallback names.
  return { subject: subject && { ...subject, metric: subject.metric ?? metric }, personal: false, masked };
}

/** The organization the sentence's attribution names (a name, or a description standing for one:
 * "the company", "the company's chief executive"), at or after the attribution or a closing quote. */
function speakingOrganization(c: SubjectContext): ChosenSubject | null {
  if (!c.attributionSpan) return null;
  const close = Math.max(c.s.lastIndexOf('”'), c.s.lastIndexOf('"'));
  const from = Math.min(c.attributionSpan.start, close > c.figure.end ? close : c.attributionSpan.start);
  const org = c.all.find((m) => m.start >= from && m.entity.kind === 'org');
  if (org) return { ...org, via: 'speaker' };
  const described = describedSpeaker(c.s, c.attributionSpan, c.rules);
  return described && described.entity.kind === 'org' ? described : null;
}

/** "'We expect trading to improve,' …" in a quote that names no speaker of its own: the
 * organization the story was about in the sentences just before (the speaker's, whose quote goes
 * on). */
function quotedOrganization(c: SubjectContext): ChosenSubject | null {
  if (c.attributionSpan || !/["“”]/.test(c.s) || !c.lastSubject || c.sentence.index - c.lastSubject.sentence > 2) return null;
  return c.lastSubject.mention.entity.kind === 'org' ? { ...c.lastSubject.mention, via: 'carried' } : null;
}

/** The description a speaker is named by in the attribution ("the company said" → company), as
 * a subject of its own; null when the attribution names the speaker otherwise ("analysts said"). */
function describedSpeaker(s: string, attribution: Span, rules: ClaimRules): ChosenSubject | null {
  // (The attribution is the source's words, "company": the determiner before it is included.)
  const from = Math.max(0, attribution.start - 5);
  const text = s.slice(from, attribution.end);
  const scanner = rules.coreference.any;
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
    const words = /^(?:the|this|that)\s+(.+?)(?:['’]s)?$/i.exec(m[0]);
    if (!words) continue;
    const kind = rules.coreference.kinds[m.slice(1).findIndex((g) => g !== undefined)]?.[0] ?? 'org';
    const name = words[1];
    const start = from + m.index + m[0].indexOf(name, m[0].search(/\s/));
    return { start, end: start + name.length, entity: { id: slug(name), name, kind }, text: name, via: 'speaker' };
  }
  return null;
}

/** A demonstrative right before a phrase (the parse leaves it out of the phrase). */
const DEMONSTRATIVE_BEFORE = /\b(?:this|that|these|those)\s+$/i;

/** "designed this banker's tower for 40,000,000 pennies": an owner named only by "this". */
function maskedOwner(before: string, tokens: Token[]): boolean {
  for (const m of before.matchAll(/\b(?:this|these)\s+(?=\p{Ll}[\p{L}-]*['’]s?\s)/giu)) if (demonstrative(before, m.index + m[0].length, tokens)) return true;
  return false;
}

/** "this merchant's skyscraper", "this union's fund": the subject is named only by "this" or
 * "these" and a common noun that is not a time ("this year's budget" names its budget). */
function demonstrative(s: string, start: number, tokens: Token[]): boolean {
  if (!/\b(?:this|these)\s+$/i.test(s.slice(Math.max(0, start - 8), start))) return false;
  const first = tokens.find((t) => t.start >= start);
  return !!first && !first.tags.has('Date') && !first.tags.has('Duration') && !/^\p{Lu}/u.test(first.text);
}

/** The organizations, people and places compromise found in sentence `s`, as mentions. */
function nlpNames(s: string, names: TaggedNames, grammar: ClaimRules['grammar']): EntityMention[] {
  const out: EntityMention[] = [];
  const add = (spans: Span[], kind: 'org' | 'person' | 'place') => {
    for (const found of spans) {
      const span = { start: found.start, end: found.end };
      if (out.some((m) => span.start < m.end && m.start < span.end)) continue;
      if (!isNameCandidate(s, span.start)) continue;
      const name = withoutTitle(withoutPlaceOwner(s.slice(span.start, span.end), span.start, grammar).text, 0, grammar).text.replace(/^the\s+/i, '');
      if (name.length < 2 || /^[a-z]/.test(name)) continue;
      out.push({ ...span, entity: { id: slug(name), name, kind }, text: s.slice(span.start, span.end), via: 'nlp' });
    }
  };
  add(names.organizations, 'org');
  add(names.places, 'place');
  add(names.people, 'person');
  return out.sort((a, b) => a.start - b.start);
}

/** A word that may begin a name: capitalized, and either inside the sentence or not an everyday
 * English word ("Gartner said…"). The same test gates tagging and filters its names, so tagging
 * more sentences could never add a subject. */
function isNameCandidate(s: string, at: number): boolean {
  if (!/\p{Lu}/u.test(s[at] ?? '')) return false;
  const first = /^[\s"'(]*/.exec(s)![0].length;
  if (at > first) return true;
  const word = /^[\p{L}'-]+/u.exec(s.slice(at))?.[0] ?? '';
  return !isEnglishWord(word);
}

/** Offset of the first word at or after `from` that could begin a name, or -1. */
function firstNameCandidate(s: string, from: number): number {
  const re = /(?<![\p{L}])\p{Lu}/gu;
  re.lastIndex = from;
  for (let m = re.exec(s); m; m = re.exec(s)) if (isNameCandidate(s, m.index)) return m.index;
  return -1;
}

/** An entity written in the cell itself, e.g. "(Big Tech, 2026 projection)". */
function subjectInCell(mentions: EntityMention[]): EntityMention | null {
  return mentions.find((m) => m.via === 'lexicon') ?? null;
}

function subjectInRowLabel(label: string, rules: ClaimRules): EntityMention | null {
  const m = findLexiconMentions(label, rules.entities)[0];
  if (m) return { ...m, via: 'table' };
  // A label that is a name as a whole ("North America", "Asia Pacific", "Globex Corp.") names the
  // row's subject; a label in words ("Annual revenue") names its metric instead.
  const name = formNames(label, [], rules.grammar)[0];
  if (!name || name.start !== 0 || name.end < label.replace(/[\s.]+$/, '').length) {
    if (!/^(?:\p{Lu}[\p{L}.&'-]*\s*){1,4}$/u.test(label) || label.split(/\s+/).length < 2) return null;
    const kind = rules.grammar.isPlace(label.toLowerCase()) ? 'place' : 'thing';
    return { start: 0, end: 0, entity: { id: slug(label), name: label, kind }, text: label, via: 'table' };
  }
  return { ...name, start: 0, end: 0, via: 'table' };
}

/** The lead-in line's entity, else its first noun phrase ("a cutting-edge model"). */
function subjectOfLeadIn(a: ClaimInput, leadIn: Span, rules: ClaimRules): EntityMention | null {
  const line = a.article.text.slice(leadIn.start, leadIn.end);
  const entity = findLexiconMentions(line, rules.entities)[0];
  if (entity) return { ...entity, via: 'lead-in' };
  const phrase = nounPhrases(line)[0];
  if (!phrase) return null;
  const name = phrase.text;
  return { start: 0, end: 0, entity: { id: slug(name), name, kind: 'thing' }, text: name, via: 'lead-in' };
}

