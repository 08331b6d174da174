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
import { tagSentence, nounPhrases, type TaggedSentence } from './nlp.js';
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

export function buildClaims(a: Analysis, rules: CompiledRules): ClaimsResult {
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
    let quantities = wholeSentenceNoise ? [] : extractQuantities(s, rules.quantities);
    const lexicon = findLexiconMentions(s, rules.entities);
    let mentions = lexicon;
    // Tagging is the expensive step: only sentences with a figure get it.
    const tags = quantities.length > 0 ? tagSentence(s) : null;
    if (tags) mentions = withNlpNames(s, lexicon, tags);
    const anaphora = resolveAnaphora(s, mentions, history, sentence.index);
    const all = [...mentions, ...anaphora].sort((x, y) => x.start - y.start);

    const reject = (q: SentenceQuantity, reason: string) => {
      const src = toSource(a.norm, { start: sentence.start + q.span.start, end: sentence.start + q.span.end });
      rejected.push({ span: src, quote: a.article.text.slice(src.start, src.end), reason, rule: q.rule });
    };
    if (wholeSentenceNoise) {
      for (const q of extractQuantities(s, rules.quantities)) reject(q, `boilerplate (${sentenceNoise!.rule})`);
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
      if (q.kind === 'count' && tags && countedWordIsVerb(q, tags)) return reject(q, 'the word after the number is a verb, not a counted noun'), false;
      return true;
    });

    const attributionText = attributionOf(s, rules.modality);
    const attributionSpan = attributionText ? locate(s, attributionText) : null;
    // An attribution to "the company" names the company it stands for.
    const speaker = attributionSpan ? all.find((m) => m.start < attributionSpan.end && attributionSpan.start < m.end) : undefined;
    const attribution = speaker && speaker.via === 'coreference' ? speaker.entity.name : attributionText;
    let modality = modalityOf(s, rules.modality);
    // A list entry says what its lead-in says: "may require:" hedges every entry under it.
    if (modality === 'asserted' && sentence.block.leadIn) {
      modality = modalityOf(a.article.text.slice(sentence.block.leadIn.start, sentence.block.leadIn.end), rules.modality);
    }

    for (const q of quantities) {
      const figure = { start: q.span.start, end: q.span.end };
      const table = sentence.block.table;
      let subject: EntityMention | null = null;
      let label: string | undefined;
      if (table) {
        subject = subjectInCell(s, all) ?? subjectInRowLabel(table.rowLabel, rules);
        label = table.rowLabel || undefined;
      }
      subject ??= subjectInSentence({ text: s, ...figure, mentions: all, attribution: attributionSpan, isMultiplierVerb: q.kind === 'multiplier' && q.rule.endsWith('.word') });
      // "The company said revenue rose to $30 billion": a speaker talking of itself is the subject
      // when nothing else in the sentence is.
      subject ??= subjectInSentence({ text: s, ...figure, mentions: all, attribution: null, isMultiplierVerb: false });
      if (!subject && sentence.block.leadIn) subject = subjectOfLeadIn(a, sentence.block.leadIn, rules);
      if (!subject && lastSubject && sentence.index - lastSubject.sentence <= 2) subject = { ...lastSubject.mention, via: 'carried' };
      const { metric, period } = metricOf({ text: s, ...figure, unit: q.kind === 'count' ? q.unit : null, per: q.per, label }, rules.metrics);
      const time = table ? timeOf(s, figure.start, figure.end) ?? timeOf(table.rowLabel, -1, -1) : timeOf(s, figure.start, figure.end);
      const claimModality = table && /\b(estimated|projected|projection|forecast|expected)\b/i.test(`${table.rowLabel} ${s}`) ? 'projected' : modality;
      claims.push(makeRecord(a, rules, {
        sentence, q, subject, metric, period, time, modality: claimModality, attribution, predicate: null,
      }));
    }

    // Qualitative claims: a sentence whose grammatical subject is a known entity.
    if (quantities.length === 0 && !question && !sentenceNoise) {
      const q = qualitative(s, all);
      if (q) claims.push(makeRecord(a, rules, { sentence, q: null, subject: q.subject, metric: null, period: null, time: timeOf(s, -1, -1), modality, attribution, predicate: q.predicate }));
    }

    for (const m of all) history.add(m.entity, sentence.index);
    const head = all.find((m) => m.entity.kind !== 'person' || all.length === 1);
    if (head && (!attributionSpan || head.start < attributionSpan.start || head.start >= attributionSpan.end)) lastSubject = { mention: head, sentence: sentence.index };
  }
  return { claims, rejected };
}

/** "one business moves forward": the counted "noun" is the sentence's verb, so no count. */
function countedWordIsVerb(q: SentenceQuantity, tags: TaggedSentence): boolean {
  const term = tags.terms.find((t) => t.end === q.span.end || (t.start < q.span.end && q.span.end <= t.end));
  return !!term && term.tags.includes('Verb') && !term.tags.includes('Noun');
}

/** Adds the organizations, people and places compromise finds and the lexicon does not. */
function withNlpNames(s: string, lexicon: EntityMention[], names: TaggedSentence): EntityMention[] {
  const out = [...lexicon];
  const add = (spans: Span[], kind: 'org' | 'person' | 'place') => {
    for (const span of spans) {
      if (out.some((m) => span.start < m.end && m.start < span.end)) continue;
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

/** An entity written in the cell itself, e.g. "(Big Tech, 2026 projection)". */
function subjectInCell(cell: string, mentions: EntityMention[]): EntityMention | null {
  void cell;
  return mentions.find((m) => m.via === 'lexicon' || m.via === 'nlp') ?? null;
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

export type { Sentence };
