/**
 * The claim stage: each figure that is a claim, paired with its subject, metric, time, modality
 * and attribution; plus qualitative entity–claim pairs. Figures that are not claims are kept as
 * rejected, with the reason, for the article's noise report.
 */
import type { Article, Sentence, Span } from '../types.js';
import type { NormalizedText } from '../normalize/normalized-text.js';
import type { NoiseIndex } from '../noise/find.js';
import type { ClaimRules } from './rules.js';
import type { ClaimRecord } from '../records.js';
import { toSource } from '../normalize/normalized-text.js';
import type { SentenceQuantity } from '../quantities/extract.js';
import { findLexiconMentions, type Entity, type EntityMention } from './entities.js';
import { lastPlaceIn } from './places.js';
import { MentionHistory, resolveAnaphora, shortNames } from './coreference.js';
import { metricOf } from './metrics.js';
import { attributionOf, isQuestion, modalityOf, questionStart } from './modality.js';
import { timeOf } from './time.js';
import { resolveTime } from './relative-time.js';
import { namesIn, namesInTerms, tagTerms, type TaggedNames, type TaggedTerm } from './nlp.js';
import { chooseSubject } from './choose-subject.js';
import { formNames } from './form-names.js';
import { countedWordIsVerb, isSmallWordNumber } from './count-checks.js';
import { qualitative } from './qualitative.js';
import { hypotheticalSentence, notAClaim } from './not-claims.js';
import { clauseText, isVerbalMultiplier, parseClause, type Token } from './clause.js';
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


const STRUCTURAL = new Set<EntityMention['via']>(['clause-subject', 'of-complement', 'possessive-owner', 'object', 'parenthesis', 'relative-clause', 'before-colon', 'passive-agent', 'payer', 'where-counted']);

export interface ClaimOptions {
  /** Tag every sentence with compromise, as the unoptimized path would (tests compare both). */
  eagerNlp?: boolean;
  /** Takes each claim as it is made instead of collecting them (then `claims` comes back empty), so
   * an article with a hundred thousand figures never holds all its records at once. */
  emit?: (claim: ClaimRecord) => void;
}

/** What the claim stage reads of an article: its text, normalized text, sentences, each
 * sentence's figures (the quantity stage's output, by sentence index) and its noise. */
export interface ClaimInput {
  article: Article;
  norm: NormalizedText;
  sentences: Sentence[];
  figures: SentenceQuantity[][];
  noise: NoiseIndex;
}

export function buildClaims(a: ClaimInput, rules: ClaimRules, options: ClaimOptions = {}): ClaimsResult {
  const claims: ClaimRecord[] = [];
  const emit = options.emit ?? ((c: ClaimRecord) => void claims.push(c));
  const rejected: Rejected[] = [];
  const history = new MentionHistory(rules.grammar.shortNameSuffixes);
  // A pronoun or "the country" with no entity behind it may point to a country the sentences
  // before name without stating a figure: looked for only then, in the two before.
  const recent: string[] = [];
  const placeBefore = (kinds: Entity['kind'][]) => {
    if (!kinds.includes('place')) return null;
    for (let i = recent.length - 1; i >= 0; i--) {
      const place = lastPlaceIn(recent[i], rules.grammar.places);
      if (place) return { id: place.id, name: place.text, kind: 'place' as const };
    }
    return null;
  };
  const text = a.norm.text;
  let lastSubject: { mention: EntityMention; sentence: number } | null = null;

  for (const sentence of a.sentences) {
    const s = text.slice(sentence.start, sentence.end);
    const srcSentence = toSource(a.norm, sentence);
    const sentenceNoise = a.noise.at(srcSentence);
    const wholeSentenceNoise = sentenceNoise && sentenceNoise.reason === 'boilerplate' && sentenceNoise.start <= srcSentence.start && sentenceNoise.end >= srcSentence.end;
    const lexicon = findLexiconMentions(s, rules.entities);
    // A firm's first word alone, written in full before ("Northwind Air … Northwind expects").
    const short = shortNames(s, lexicon, history, sentence.index);
    // Names the lexicon lacks, by their form: what a later "it" or "the company" may point to.
    const named = formNames(s, [...lexicon, ...short], rules.grammar);
    const explicit = [...lexicon, ...short, ...named].sort((x, y) => x.start - y.start);
    // (A thing the sentence before opened with as its subject, "The bill, which passed 74-24, funds
    // …", is what an opening "It" may stand for; not a thing named later in it.)
    const before = recent[recent.length - 1] ?? '';
    const topic: Entity | null = lastSubject && lastSubject.sentence === sentence.index - 1 && lastSubject.mention.entity.kind === 'thing' && STRUCTURAL.has(lastSubject.mention.via) &&
      /^[\s"'“‘(]*(?:(?:the|a|an|this|that)\s+)?$/i.test(before.slice(0, lastSubject.mention.start)) ? lastSubject.mention.entity : null;
    const resolved: EntityMention[] = [...lexicon, ...resolveAnaphora(s, explicit, history, sentence.index, rules.coreference, placeBefore, topic)];
    const all: EntityMention[] = [...resolved, ...short].sort((x, y) => x.start - y.start);
    recent.push(s);
    if (recent.length > 2) recent.shift();

    const reject = (q: SentenceQuantity, reason: string) => {
      const src = toSource(a.norm, { start: sentence.start + q.span.start, end: sentence.start + q.span.end });
      rejected.push({ span: src, quote: a.article.text.slice(src.start, src.end), reason, rule: q.rule });
    };
    let quantities = a.figures[sentence.index] ?? [];
    if (wholeSentenceNoise) {
      for (const q of quantities) reject(q, `boilerplate (${sentenceNoise!.rule})`);
      quantities = [];
    }
    const question = isQuestion(s, rules.modality);
    const asked = questionStart(s, rules.modality);
    const hypothetical = quantities.length > 0 ? hypotheticalSentence(s, rules.notClaims) : null;
    const others = quantities.filter((q) => !q.yearLike);
    // Figures a length of time or an age could only qualify (counted once per sentence).
    const qualifiable = others.filter((o) => o.kind !== 'duration' && o.kind !== 'age');
    quantities = quantities.filter((q) => {
      const src = toSource(a.norm, { start: sentence.start + q.span.start, end: sentence.start + q.span.end });
      const flag = a.noise.at(src);
      if (flag) return reject(q, `${flag.reason} (${flag.rule})`), false;
      if (question && q.span.start >= asked) return reject(q, 'question'), false;
      const not = notAClaim(s, q, hypothetical, qualifiable.length - (qualifiable.includes(q) ? 1 : 0), rules.notClaims);
      if (not) return reject(q, not), false;
      if (q.yearLike && !rules.grammar.yearFactAlways.test(s.slice(0, q.span.start)) && (others.length > 0 || !rules.grammar.yearFact.test(s.slice(0, q.span.start)))) return reject(q, 'time qualifier, not a claim'), false;
      if (q.kind === 'count' && !q.unit) return reject(q, 'no unit: a bare number says nothing'), false;
      if (q.kind === 'count' && isSmallWordNumber(s, q, rules.notClaims.countStatedBy, rules.notClaims.countEvent)) return reject(q, 'a small number in words ("two paths"): a way of speaking, not a figure'), false;
      if (q.kind === 'count' && !q.unitFromLabel && countedWordIsVerb(s, q)) return reject(q, 'the word after the number is a verb, not a counted noun'), false;
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

    let chosen: EntityMention | null = null;
    // Tagging is the expensive step (DESIGN.md): done at most once per sentence, and only when a
    // figure that survived the cheap checks needs its clause, on the words up to shortly after
    // the last figure. The clause parse and the names compromise finds read the same tagging.
    // Its results never feed coreference history, so skipping it elsewhere cannot change a claim.
    const figures = quantities.map((q) => ({ ...q.span, kind: q.kind, verbal: q.kind === 'multiplier' && isVerbalMultiplier(s.slice(q.span.start, q.span.end), rules.grammar) }));
    let tagged: { text: string; terms: TaggedTerm[] } | null = null;
    const clauseTerms = () => {
      if (!tagged) {
        const text = clauseText(s, figures);
        tagged = { text, terms: tagTerms(text) };
      }
      return tagged;
    };
    let parsed: Token[] | null = null;
    const clause = () => (parsed ??= parseClause(s, figures, rules.grammar, clauseTerms().terms));
    let sentenceNames: TaggedNames | null = null;
    // Names before `end` (sentence offsets): from the clause's tagging when it reaches that far,
    // else (a sentence longer than the clause parse reads) the whole sentence tagged for names.
    const names = (end: number) => {
      const c = clauseTerms();
      return c.text.length >= end ? namesInTerms(c.text, c.terms) : (sentenceNames ??= namesIn(s));
    };
    // Years the sentence states as facts of their own ("opened in 1937"): they date no other figure.
    const statedYears = quantities.filter((q) => q.kind === 'date').map((q) => q.span);
    for (const [figureIndex, q] of quantities.entries()) {
      const figure = { start: q.span.start, end: q.span.end };
      const table = sentence.block.table;
      const { subject, personal, masked } = chooseSubject({
        a, rules, sentence, s, q, figure, all, attributionSpan, names, lastSubject,
        firstFigureStart: quantities[0].span.start, lastFigureStart: quantities[quantities.length - 1].span.start, eager: options.eagerNlp ?? false,
        clause, figureIndex,
      });
      // What a writer says of themself (their weight, score, belongings, what they could spend) is
      // no claim; what they paid for something is a claim about that thing (the clause names the
      // thing, so it is not personal).
      if (personal) {
        reject(q, 'a personal statement of the writer, not a claim');
        continue;
      }
      // A line on its own that names an owner only as "this …'s" is a quiz clue: the answer it is
      // about is masked ("Pierce designed this banker's tower for 40,000,000 pennies").
      if (masked && a.sentences.length === 1) {
        reject(q, 'a quiz clue: the subject it is about is masked');
        continue;
      }
      // (The first figure's subject is the sentence's: "Alphabet reported a 57% jump in profit, as
      // revenue from its Google Cloud unit grew 28%" is about Alphabet, which the next sentence's
      // "Total revenue rose 15%" carries.)
      if (subject && !chosen) {
        const { metric: _measure, ...mention } = subject;
        chosen = mention;
      }
      // A count says what it measures by its noun ("users"); other figures take the measure the
      // clause names ("Portugal's exports rose 4%").
      // A table row names the metric ("Annual revenue | $3.7 billion"), unless it names the subject
      // ("Europe | 101"): then the column's header does ("Subscribers (millions)").
      const header = table && table.column > 0 ? table.header.replace(/\s*\(.*\)\s*$/, '').trim() : '';
      const label = (subject?.via === 'table' && header ? header : table?.rowLabel) || undefined;
      const measure = q.kind === 'count' ? null : subject?.metric ?? null;
      const { metric, period } = metricOf({ text: s, ...figure, unit: q.kind === 'count' ? q.unit : null, per: q.per, label }, rules.metrics, measure);
      // (A year stated as a fact is its own time: another year in the sentence does not date it.)
      const found = q.kind === 'date' ? null : table ? timeOf(s, figure.start, figure.end, statedYears) ?? timeOf(table.rowLabel, -1, -1) : timeOf(s, figure.start, figure.end, statedYears);
      // With a published date, "last year" becomes the year it was (relative-time.ts).
      const { time, timeText } = resolveTime(s, figure.start, figure.end, found, a.article.meta?.published);
      // A table cell says what its row says: "2026 projection", "estimate".
      const claimModality = table && modalityOf(`${table.rowLabel} ${s}`, rules.modality) === 'projected' ? 'projected' : modality;
      emit(makeRecord(a, rules, {
        sentence, q, subject, metric, period, time, timeText, modality: claimModality, attribution, predicate: null,
      }));
    }

    // Qualitative claims: a sentence whose grammatical subject is a known entity.
    if (qualitativeClaim) {
      const { time, timeText } = resolveTime(s, -1, -1, timeOf(s, -1, -1), a.article.meta?.published);
      emit(makeRecord(a, rules, { sentence, q: null, subject: qualitativeClaim.subject, metric: null, period: null, time, timeText, modality, attribution, predicate: qualitativeClaim.predicate }));
    }

    for (const m of [...all, ...named].sort((x, y) => x.start - y.start)) history.add(m.entity, sentence.index);
    // A subject the clause named ("Paris covers …") is what "it" may point to in the next sentence.
    if (chosen && STRUCTURAL.has(chosen.via) && /^\p{Lu}/u.test(chosen.entity.name) && !all.some((m) => m.entity.id === chosen!.entity.id)) history.add(chosen.entity, sentence.index);
    // What the next sentences may carry over: the subject this sentence's figures were given, else
    // its first non-person mention outside the attribution.
    // (A measure named by itself, "revenue" of "We expect to grow revenue by 20%", is no one's
    // name: the next sentence's "Net income was …" is not about it.)
    const carried = chosen && !namesOnlyAMeasure(chosen.entity.name, rules.grammar) ? chosen : null;
    // (A qualitative claim's subject is its sentence's subject, even when it is also the speaker:
    // "Globex reported results on Monday. Revenue rose 5%.")
    const head = carried ?? qualitativeClaim?.subject ?? all.find((m) => (m.entity.kind !== 'person' || all.length === 1) && (!attributionSpan || m.start < attributionSpan.start || m.start >= attributionSpan.end));
    if (head) lastSubject = { mention: head, sentence: sentence.index };
  }
  return { claims, rejected };
}

function namesOnlyAMeasure(name: string, g: ClaimRules['grammar']): boolean {
  return name.toLowerCase().split(/\s+/).every((w) => g.metricHeads.has(w) || g.measureAdjectives.has(w));
}

function locate(s: string, phrase: string): Span | null {
  const i = s.indexOf(phrase);
  return i < 0 ? null : { start: i, end: i + phrase.length };
}

