/**
 * Figures that are read but state no claim (rules/claims/not-claims.yml): hypotheticals, worked
 * examples and advice (by their sentence), descriptors that only say which things are meant, and
 * ratings (by the phrase around the figure). Each returns the reason a figure is kept out, or null.
 */
import type { RuleData } from '../rules/schema.js';
import type { SentenceQuantity } from '../quantities/extract.js';
import { phraseSource } from '../util/regex.js';

export interface NotClaimRules {
  opens: RegExp;
  conditional: RegExp;
  people: RegExp;
  counterfactual: RegExp;
  advice: RegExp;
  workedExample: RegExp;
  modal: RegExp;
  factAfter: RegExp;
  descriptorBefore: RegExp;
  /** A descriptor word used as a verb ("will top $200 billion"): `verbs` after `verbAfter`. */
  descriptorVerb: RegExp | null;
  withPhrase: RegExp | null;
  /** "people over 65", "workers aged 50": a plural, a threshold word and a number up to three
   * digits (and at most one word after it), at the end of the text up to the figure's end. */
  ageThreshold: RegExp;
  rating: RegExp;
  ratingAfter: RegExp;
  /** "The house has seven bedrooms": a verb before a small spelled count that states it. */
  countStatedBy: RegExp;
  /** "Two people were killed": what happened to a small spelled count, after it. */
  countEvent: RegExp;
  denomination: RegExp;
  hyperbole: RegExp;
  illustrationBefore: RegExp;
  illustrationAfter: RegExp;
  durationClaimAfter: RegExp;
  durationNotBefore: RegExp;
  ageClaimAfter: RegExp;
}

const alternation = (words: string[]) => words.map(phraseSource).join('|');

export function compileNotClaims(data: RuleData['claims.not-claims']): NotClaimRules {
  const h = data.hypothetical;
  return {
    opens: new RegExp(`^[\\s"'(]*(?:${alternation(h.opens)})\\b`, 'iu'),
    conditional: /\bif\b([^,;]*)(?:(?:,|\bthen\b)\s*([^,;]*))?/iu,
    people: new RegExp(`^\\s*(?:(?:then|now|so)\\s+)?(?:${alternation(h.people)})(?:['’]\\w+)?\\b`, 'iu'),
    counterfactual: new RegExp(`\\b(?:${alternation(h.counterfactual)})\\b`, 'iu'),
    advice: new RegExp(`\\b(?:${alternation(h.advice)})\\b`, 'iu'),
    workedExample: new RegExp(`\\d[\\d,.]*\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${alternation(h.workedExample)})\\s+(?:[\\p{L}-]+\\s+){0,3}?[$€£]?\\d`, 'iu'),
    modal: new RegExp(`\\b(?:${alternation(h.modals)})\\b`, 'iu'),
    factAfter: new RegExp(`\\b(?:${alternation(h.factAfter)})\\s*$`, 'iu'),
    ageThreshold: new RegExp(`(?:[a-z]s|people|children|men|women)\\s+(?:${alternation(data.descriptors.ageThresholds)})\\s+\\d{1,3}(?:\\s+\\p{L}+)?$`, 'iu'),
    descriptorBefore: new RegExp(`\\b(?:${alternation(data.descriptors.before)})\\s*$`, 'iu'),
    descriptorVerb: data.descriptors.verbs.length && data.descriptors.verbAfter.length ? new RegExp(`\\b(?:${alternation(data.descriptors.verbAfter)})\\s+(?:${alternation(data.descriptors.verbs)})\\s*$`, 'iu') : null,
    // A class of things with a plural measure ("firms with revenues of under $5 million"); one
    // entity's own figure ("Acme, with revenue of over $5 billion, …") is a claim.
    withPhrase: data.descriptors.withPhrase ? /\bwith\s+(?:an?\s+)?(?=(?:[\p{L}-]+\s+){0,2}[\p{L}-]*[a-z]s\s)(?:[\p{L}-]+\s+){1,3}(?:of\s+)?$/iu : null,
    durationClaimAfter: new RegExp(`\\b(?:${alternation(data.durations.claimAfter)})\\s+(?:(?:${alternation(data.durations.leads)})\\s+)*$`, 'iu'),
    durationNotBefore: new RegExp(`^[\\s-]*(?:${alternation(data.durations.notBefore)})(?![\\p{L}])`, 'iu'),
    ageClaimAfter: new RegExp(`(?:${alternation(data.ages.claimAfter)})\\s+(?:(?:${alternation(data.durations.leads)})\\s+)*$`, 'iu'),
    rating: new RegExp(`^\\d+(?:\\.\\d+)?\\s*/\\s*(?:${data.ratingScales.join('|')})(?![\\d.])`),
    denomination: new RegExp(`^\\s*(?:${alternation(data.denominations)})(?![\\p{L}])`, 'iu'),
    illustrationBefore: new RegExp(`\\b(?:${alternation(data.illustrations.before)})\\s+$`, 'iu'),
    illustrationAfter: new RegExp(`^\\s+(?:${alternation(data.illustrations.after)})\\b`, 'iu'),
    hyperbole: new RegExp(`^(?:${alternation(data.hyperboles)})`, 'iu'),
    countStatedBy: new RegExp(`(?<![\\p{L}])(?<!\\b(?:i|we|you|they)\\s+)(?:${alternation(data.countStatedBy)})\\s+$`, 'iu'),
    countEvent: new RegExp(`^(?:\\s+[\\p{L}-]+){1,2}?\\s+(?:(?:were|was|are|is|have\\s+been|has\\s+been|had\\s+been)\\s+)?(?:${alternation(data.countEvents)})(?![\\p{L}])`, 'iu'),
    ratingAfter: new RegExp(`^\\s*(?:${alternation(data.ratingNouns)})\\b`, 'iu'),
  };
}

export interface Hypothetical {
  reason: string;
  /** Where in the sentence the hypothetical part starts: the clause of its "if" or its advice. */
  from: number;
  /** Where it ends, when only a trailing "if" clause is hypothetical ("… $350 if you add wine, …"). */
  to?: number;
}

/** Where a sentence stops stating facts, and why, or null: it imagines, supposes or advises. */
export function hypotheticalSentence(s: string, r: NotClaimRules): Hypothetical | null {
  if (r.opens.test(s)) return { reason: 'hypothetical (the sentence supposes it)', from: 0 };
  // ("you **should** spend": emphasis marks are not words; blanking them keeps every offset.)
  const advice = r.advice.exec(s.replace(/[*_]/g, ' '));
  if (advice) return { reason: 'advice to the reader, not a claim', from: clauseStart(s, advice.index) };
  if (r.workedExample.test(s)) return { reason: 'a worked example: it computes, it does not report', from: 0 };
  const c = r.conditional.exec(s);
  if (c && (r.people.test(c[1]) || r.people.test(c[2] ?? '') || r.counterfactual.test(c[1]))) {
    const reason = 'hypothetical (a conditional of the writer or reader, or contrary to fact)';
    const from = clauseStart(s, c.index);
    // "Dinner will cost $350 if you add wine, and …": a main clause before its "if" states a fact
    // under a condition unless it is itself conditional ("we could carry … if …").
    const main = s.slice(from, c.index);
    if (/\d/.test(main) && !r.modal.test(main) && !r.counterfactual.test(c[1])) {
      const end = /[,;]/.exec(s.slice(c.index));
      return { reason, from: c.index, to: end ? c.index + end.index : s.length };
    }
    return { reason, from };
  }
  return null;
}

/** The start of the clause holding offset `at`: after the last dash, semicolon, colon or
 * "because" before it ("… at least $10.10 an hour – because if you …" keeps the first part). */
function clauseStart(s: string, at: number): number {
  const before = s.slice(0, at);
  const m = /.*(?:[;:–—]|\s-\s|because)/su.exec(before);
  return m ? m[0].length : 0;
}

/** Why one figure is no claim, or null. `hypothetical` is the sentence's reason, if it has one;
 * `others` counts the sentence's other figures (not years). */
export function notAClaim(s: string, q: SentenceQuantity, hypothetical: Hypothetical | null, others: number, r: NotClaimRules): string | null {
  const before = s.slice(Math.max(0, q.span.start - 48), q.span.start);
  if (q.kind === 'duration' && (others > 0 || !r.durationClaimAfter.test(before) || r.durationNotBefore.test(s.slice(q.span.end)))) {
    return 'a time qualifier: it says when or for how long something else held';
  }
  if (q.kind === 'age' && !r.ageClaimAfter.test(before)) return 'an age that says who is meant, not a claim about them';
  const quote = s.slice(q.span.start, q.span.end);
  if (hypothetical && q.span.start >= hypothetical.from && q.span.start < (hypothetical.to ?? Infinity) && !r.factAfter.test(before)) return hypothetical.reason;
  const score = r.rating.exec(quote);
  if ((score && !/^\s+of\b/i.test(s.slice(q.span.start + score[0].length))) || r.ratingAfter.test(s.slice(q.span.end))) return 'a rating on a scale, not a share';
  if (q.kind === 'money' && r.denomination.test(s.slice(q.span.end))) return 'a denomination: it says which coin or note, not a claim';
  if (q.kind === 'money' && r.illustrationBefore.test(before) && r.illustrationAfter.test(s.slice(q.span.end))) return 'an illustration of what a sum buys, not a claim';
  if (r.hyperbole.test(quote)) return 'hyperbole, not a figure anyone states as fact';
  const bounded = q.bound === 'at_least' || q.bound === 'at_most';
  // ("people over 65": after a plural, and no more than an age.)
  const ageThreshold = q.kind === 'count' && !q.unitFromLabel && (q.value ?? q.low ?? 0) <= 120 && r.ageThreshold.test(before + quote);
  // ("Spending will top $200 billion": after a modal or "to", "top" is the verb, no descriptor.)
  const verbBefore = !!r.descriptorVerb?.test(before);
  if (ageThreshold || (r.descriptorBefore.test(before) && !verbBefore) || (bounded && r.withPhrase?.test(before))) return 'a descriptor: it says which things are meant, not a claim about them';
  return null;
}
