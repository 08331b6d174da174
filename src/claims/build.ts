/**
 * The claim stage: each figure that is a claim, paired with its subject, metric, time, modality
 * and attribution; plus qualitative entity–claim pairs. Figures that are not claims are kept as
 * rejected, with the reason, for the article's noise report.
 */
import type { CompiledRules } from '../rules/compiled.js';
import type { Analysis } from '../pipeline/analyze.js';
import type { NoiseFlag, Sentence, Span } from '../types.js';
import type { ClaimRecord } from '../output/schema.js';
import { toSource } from '../normalize/normalized-text.js';
import { extractQuantities, type SentenceQuantity } from '../quantities/extract.js';
import { findLexiconMentions, slug, type EntityMention } from './entities.js';
import { MentionHistory, resolveAnaphora } from './coreference.js';
import { subjectInSentence } from './subject.js';
import { metricOf } from './metrics.js';
import { attributionOf, isQuestion, modalityOf } from './modality.js';
import { timeOf } from './time.js';
import { namesIn, termTags, nounPhrases, lexiconTags, type TaggedNames } from './nlp.js';
import { isEnglishWord } from '../normalize/english-lexicon.js';
import { makeRecord } from './record.js';

export interface Rejected {
  span: Span;
  quote: string;
  reason: string;
  rule: string;
}

export interface ClaimsResult {
  claims: ClaimRecord[];
  rejected: Rejected[];
}

/** Years stated as facts need a word that states them ("in 2015", "founded 2015"). */
const YEAR_FACT = /\b(in|since|from|by|until|during|founded|established|launched|created|started|began|of)\s+(?:early\s+|late\s+|mid-?)?$/i;

export interface ClaimOptions {
  /** Tag every sentence with compromise, as the unoptimized path would (tests compare both). */
  eagerNlp?: boolean;
}

export function buildClaims(a: Analysis, rules: CompiledRules, options: ClaimOptions = {}): ClaimsResult {
  const claims: ClaimRecord[] = [];
  const rejected: Rejected[] = [];
  const history = new MentionHistory();
  const text = a.norm.text;
  const noiseAt = (src: Span): NoiseFlag | undefined => a.noise.find((f) => src.start < f.end && f.start < src.end && f.reason !== 'foreign-word');
  let lastSubject: { mention: EntityMention; sentence: number } | null = null;

  for (const sentence of a.sentences) {
    const s = text.slice(sentence.start, sentence.end);
    const srcSentence = toSource(a.norm, sentence);
    const sentenceNoise = noiseAt(srcSentence);
    const wholeSentenceNoise = sentenceNoise && sentenceNoise.reason === 'boilerplate' && sentenceNoise.start <= srcSentence.start && sentenceNoise.end >= srcSentence.end;
    const lexicon = findLexiconMentions(s, rules.entities);
    const all = [...lexicon, ...resolveAnaphora(s, lexicon, history, sentence.index)].sort((x, y) => x.start - y.start);
    // Tagging is the expensive step (DESIGN.md): done at most once per sentence, and only when a
    // figure that survived the cheap checks needs it. Its results never feed coreference history,
    // so skipping it elsewhere cannot change any claim.
    const tagged = new Map<string, TaggedNames>();
    const tags = (part: string) => {
      let t = tagged.get(part);
      if (!t) tagged.set(part, (t = namesIn(part)));
      return t;
    };
    if (options.eagerNlp) tags(s);

    const reject = (q: SentenceQuantity, reason: string) => {
      const src = toSource(a.norm, { start: sentence.start + q.span.start, end: sentence.start + q.span.end });
      rejected.push({ span: src, quote: a.article.text.slice(src.start, src.end), reason, rule: q.rule });
    };
    let quantities = extractQuantities(s, rules.quantities);
    if (wholeSentenceNoise) {
      for (const q of quantities) reject(q, `boilerplate (${sentenceNoise!.rule})`);
      quantities = [];
    }
    const question = isQuestion(s, rules.modality);
    const others = quantities.filter((q) => !q.yearLike);
    // In a table a bare count takes its noun from the row label ("Weekly users | 800 million").
    const rowLabel = sentence.block.table?.rowLabel;
    const labelNoun = rowLabel ? /([A-Za-z][\w-]*s)\s*$/.exec(rowLabel)?.[1] : undefined;
    if (labelNoun) for (const q of quantities) if (q.kind === 'count' && !q.unit) q.unit = labelNoun;
    quantities = quantities.filter((q) => {
      const src = toSource(a.norm, { start: sentence.start + q.span.start, end: sentence.start + q.span.end });
      const flag = noiseAt(src);
      if (flag) return reject(q, `${flag.reason} (${flag.rule})`), false;
      if (question) return reject(q, 'question'), false;
      if (q.yearLike && (others.length > 0 || !YEAR_FACT.test(s.slice(0, q.span.start)))) return reject(q, 'time qualifier, not a claim'), false;
      if (q.kind === 'count' && !q.unit) return reject(q, 'no unit: a bare number says nothing'), false;
      if (q.kind === 'count' && isSmallWordNumber(s, q)) return reject(q, 'a small number in words ("two paths"): a way of speaking, not a figure'), false;
      if (q.kind === 'count' && !labelNoun && countedWordIsVerb(s, q)) return reject(q, 'the word after the number is a verb, not a counted noun'), false;
      return true;
    });

    const qualitativeClaim = quantities.length === 0 && !question && !sentenceNoise ? qualitative(s, all) : null;
    // Stance and source only for sentences that make a claim: most sentences make none.
    const claimMade = quantities.length > 0 || qualitativeClaim !== null;
    const attributionText = claimMade ? attributionOf(s, rules.modality) : null;
    const attributionSpan = attributionText ? locate(s, attributionText) : null;
    // An attribution to "the company" names the company it stands for.
    const speaker = attributionSpan ? all.find((m) => m.start < attributionSpan.end && attributionSpan.start < m.end) : undefined;
    const attribution = speaker && speaker.via === 'coreference' ? speaker.entity.name : attributionText;
    let modality = claimMade ? modalityOf(s, rules.modality) : 'asserted';
    // A list entry says what its lead-in says: "may require:" hedges every entry under it.
    if (claimMade && modality === 'asserted' && sentence.block.leadIn) {
      modality = modalityOf(a.article.text.slice(sentence.block.leadIn.start, sentence.block.leadIn.end), rules.modality);
    }

    for (const q of quantities) {
      const figure = { start: q.span.start, end: q.span.end };
      const table = sentence.block.table;
      const label = table?.rowLabel || undefined;
      const subject = chooseSubject({
        a, rules, sentence, s, q, figure, all, attributionSpan, tags, lastSubject,
        firstFigureStart: quantities[0].span.start, lastFigureStart: quantities[quantities.length - 1].span.start,
      });
      const { metric, period } = metricOf({ text: s, ...figure, unit: q.kind === 'count' ? q.unit : null, per: q.per, label }, rules.metrics);
      const time = table ? timeOf(s, figure.start, figure.end) ?? timeOf(table.rowLabel, -1, -1) : timeOf(s, figure.start, figure.end);
      const claimModality = table && /\b(estimated|projected|projection|forecast|expected)\b/i.test(`${table.rowLabel} ${s}`) ? 'projected' : modality;
      claims.push(makeRecord(a, rules, {
        sentence, q, subject, metric, period, time, modality: claimModality, attribution, predicate: null,
      }));
    }

    // Qualitative claims: a sentence whose grammatical subject is a known entity.
    if (qualitativeClaim) {
      claims.push(makeRecord(a, rules, { sentence, q: null, subject: qualitativeClaim.subject, metric: null, period: null, time: timeOf(s, -1, -1), modality, attribution, predicate: qualitativeClaim.predicate }));
    }

    for (const m of all) history.add(m.entity, sentence.index);
    const head = all.find((m) => m.entity.kind !== 'person' || all.length === 1);
    if (head && (!attributionSpan || head.start < attributionSpan.start || head.start >= attributionSpan.end)) lastSubject = { mention: head, sentence: sentence.index };
  }
  return { claims, rejected };
}

interface SubjectContext {
  a: Analysis;
  rules: CompiledRules;
  sentence: Sentence;
  s: string;
  q: SentenceQuantity;
  figure: Span;
  all: EntityMention[];
  attributionSpan: Span | null;
  tags: (part: string) => TaggedNames;
  lastSubject: { mention: EntityMention; sentence: number } | null;
  firstFigureStart: number;
  lastFigureStart: number;
}

/** How far before a figure (in characters) compromise looks for a name the lexicon lacks. */
const NAME_WINDOW = 120;

/** The subject of one figure, in the order of claims/subject.ts. */
function chooseSubject(c: SubjectContext): EntityMention | null {
  const table = c.sentence.block.table;
  let subject: EntityMention | null = null;
  if (table) subject = subjectInCell(c.all) ?? subjectInRowLabel(table.rowLabel, c.rules);
  const isMultiplierVerb = c.q.kind === 'multiplier' && c.q.rule.endsWith('.word');
  subject ??= subjectInSentence({ text: c.s, ...c.figure, mentions: c.all, attribution: c.attributionSpan, isMultiplierVerb });
  // Names the lexicon does not know (compromise's organizations, people, places) come next; a
  // sentence with no capitalized word that could be a name is not worth tagging.
  // Only names shortly before the figure count here, so only that part is tagged (tagging cost
  // grows faster than the text).
  // The window starts at the first word that could begin a name, at most NAME_WINDOW before.
  const first = c.firstFigureStart;
  const from = firstNameCandidate(c.s, first > NAME_WINDOW ? c.s.indexOf(' ', first - NAME_WINDOW) + 1 : 0);
  // One window per sentence (up to its last figure), so a sentence is tagged at most once.
  const before = c.s.slice(from, c.lastFigureStart);
  if (!subject && from >= 0 && from < c.figure.start) {
    const names = nlpNames(before, [], c.tags(before)).map((m) => ({ ...m, start: m.start + from, end: m.end + from }))
      .filter((m) => m.end <= c.figure.start && !c.all.some((k) => m.start < k.end && k.start < m.end));
    subject = subjectInSentence({ text: c.s, ...c.figure, mentions: names, attribution: c.attributionSpan, isMultiplierVerb: false });
  }
  // "The company said revenue rose to $30 billion": a speaker talking of itself is the subject
  // when nothing else in the sentence is.
  subject ??= subjectInSentence({ text: c.s, ...c.figure, mentions: c.all, attribution: null, isMultiplierVerb: false });
  if (!subject && c.sentence.block.leadIn) subject = subjectOfLeadIn(c.a, c.sentence.block.leadIn, c.rules);
  if (!subject && c.lastSubject && c.sentence.index - c.lastSubject.sentence <= 2) subject = { ...c.lastSubject.mention, via: 'carried' };
  return subject;
}

/** "one thing", "two paths", "three reasons": counts written as a word below ten, with no scale. */
function isSmallWordNumber(s: string, q: SentenceQuantity): boolean {
  if (q.bound !== 'exact' || q.value === null || q.value >= 10 || !Number.isInteger(q.value)) return false;
  return !/\d/.test(s.slice(q.span.start, q.span.end));
}

/** Whether compromise's lexicon allows the word to be a verb ("differ", "seems"); words it knows
 * only as nouns ("users", "moves") skip the tagger. */
function mayBeVerb(word: string): boolean {
  const lexicon = lexiconTags();
  const tags = (w: string) => [lexicon[w.toLowerCase()] ?? []].flat();
  const own = tags(word);
  if (own.length > 0) return own.some((t) => /Verb|Infinitive|Tense|Gerund|Participle/.test(t));
  const stem = word.replace(/(?:es|s)$/, '');
  return stem !== word && tags(stem).some((t) => /Verb|Infinitive|Tense/.test(t));
}

/** Words of context the verb check tags around a counted noun: enough for compromise to tell
 * "one business moves forward" (a verb) from "two business moves" (a noun), at a fraction of the
 * cost of tagging the whole sentence. */
const VERB_CHECK_WINDOW = 60;

/** "one business moves forward": the counted "noun" is the sentence's verb, so no count. */
function countedWordIsVerb(s: string, q: SentenceQuantity): boolean {
  if (!mayBeVerb(q.unit)) return false;
  const from = Math.max(0, s.lastIndexOf(' ', Math.max(0, q.span.start - 20)) + 1);
  const window = s.slice(from, Math.min(s.length, q.span.end + VERB_CHECK_WINDOW));
  const end = q.span.end - from;
  const term = termTags(window).find((t) => t.end === end || (t.start < end && end <= t.end));
  return !!term && term.tags.includes('Verb') && !term.tags.includes('Noun');
}

/** The organizations, people and places compromise finds where the lexicon found nothing. */
function nlpNames(s: string, known: EntityMention[], names: TaggedNames): EntityMention[] {
  const out: EntityMention[] = [];
  const add = (spans: Span[], kind: 'org' | 'person' | 'place') => {
    for (const span of spans) {
      if ([...known, ...out].some((m) => span.start < m.end && m.start < span.end)) continue;
      if (!isNameCandidate(s, span.start)) continue;
      const name = s.slice(span.start, span.end).replace(/^the\s+/i, '');
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

function subjectInRowLabel(label: string, rules: CompiledRules): EntityMention | null {
  const m = findLexiconMentions(label, rules.entities)[0];
  return m ? { ...m, via: 'table' } : null;
}

/** The lead-in line's entity, else its first noun phrase ("a cutting-edge model"). */
function subjectOfLeadIn(a: Analysis, leadIn: Span, rules: CompiledRules): EntityMention | null {
  const line = a.article.text.slice(leadIn.start, leadIn.end);
  const entity = findLexiconMentions(line, rules.entities)[0];
  if (entity) return { ...entity, via: 'lead-in' };
  const phrase = nounPhrases(line)[0];
  if (!phrase) return null;
  const name = phrase.text;
  return { start: 0, end: 0, entity: { id: slug(name), name, kind: 'group' }, text: name, via: 'lead-in' };
}

/** "Anthropic is experiencing strong revenue growth": subject first, then a verb. */
function qualitative(s: string, mentions: EntityMention[]): { subject: EntityMention; predicate: string } | null {
  const first = mentions[0];
  // Pronouns are too often expletive ("It is evident that…") to carry a qualitative claim; a
  // definite description ("The firm") or a name is not.
  if (!first || (first.via === 'coreference' && !/^the\s/i.test(first.text))) return null;
  const lead = s.slice(0, first.start);
  if (!/^(?:[\p{L}\s,'-]{0,40},\s*)?$/u.test(lead)) return null;
  const rest = s.slice(first.end);
  const verb = /^(?:'s)?\s+(?:(?:also|now|still|already|has|have|had|is|are|was|were|will|would|could|may|might|can)\s+)*(?:is|are|was|were|has|have|had|will|would|could|can|may|might|[a-z]+(?:s|ed))\b/u.exec(rest);
  if (!verb || !/[.!]$/.test(s.trim())) return null;
  return { subject: first, predicate: rest.trim().replace(/[.!]+$/, '') };
}

function locate(s: string, phrase: string): Span | null {
  const i = s.indexOf(phrase);
  return i < 0 ? null : { start: i, end: i + phrase.length };
}

