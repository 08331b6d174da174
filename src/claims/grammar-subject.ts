/**
 * What a figure is about, read from the structure of the clause that holds it (tokens from
 * clause.ts). In order:
 *  1. a restatement ("4.0 million children, 31% of the total,") or a parenthesis right after a
 *     noun phrase ("Islam (8.2%)") takes that phrase or the restated figure's subject;
 *  2. the figure's own clause: after a subordinator or relative pronoun, past fronted phrases
 *     ("In 2014, …", "Completed in 1345, …") and speech verbs ("X said (that) …" → the reported
 *     clause), the noun phrase before the verb when the figure is in the predicate ("The reserve
 *     has 83 acres" → reserve); the object when that subject is the speaker or reader ("we doubled
 *     the child credit"), or when the figure is the object's new value ("lifting the minimum wage to
 *     $10.10"); the noun before a relative pronoun ("the council which includes a third");
 *  3. a figure in the subject itself: its "of" complement ("40% of voters"), the noun it is the
 *     price of ("$7 draft beers", "$2 for an egg"), its counted noun ("4 million children lived");
 *  4. the refinement: a subject whose head names a measure names its owner ("Murchison's fortune"
 *     → Murchison, "the price of gold" → gold) and the head becomes the metric.
 * Nothing found → null, and the caller falls back to names near the figure.
 */
import type { Span } from '../types.js';
import type { GrammarRules, Token } from './clause.js';

export type StructuralVia = 'speaker' | 'passive-agent' | 'clause-subject' | 'of-complement' | 'possessive-owner' | 'object' | 'parenthesis' | 'counted-noun' | 'relative-clause' | 'after-figure' | 'same-as-figure' | 'before-colon';

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
  /** The subject is the noun a count is written with ("4.0 million children" → children). */
  counted?: boolean;
  /** For a pronoun that cannot be resolved: what the figure is the price of ("they charged $2 for
   * an egg"). */
  alternative?: StructuralSubject | null;
}

const THIRD_PERSON = /^(it|its|they|them|their|he|his|him|she|her)$/;
const OBJECT_PRONOUN = /^(me|us|him|her|them|you|reporters|investors)$/;
const comma = (t: Token | undefined) => !!t && /,/.test(t.post);
const hardBreak = (t: Token | undefined) => !!t && /[;:]/.test(t.post);
const dash = (t: Token | undefined) => !!t && /[–—]|\s-\s/.test(t.post);
const opensParen = (t: Token | undefined) => !!t && t.pre.includes('(');
/** A verb that can head a clause: not "-ing" forms ("adding"). */
const finite = (t: Token) => (t.cls === 'verb' && !t.tags.has('Gerund') && !/ing$/.test(t.lower)) || !!t.verbal;
const nounish = (t: Token | undefined) => !!t && (t.cls === 'noun' || t.cls === 'adj' || t.cls === 'det');

export function structuralSubject(tokens: Token[], figure: number, g: GrammarRules, depth = 0): StructuralSubject | null {
  const fi = tokens.findIndex((t) => t.figure === figure);
  if (fi < 0 || depth > 3) return null;
  // "4.0 million children, 31% of the total, lived …": a figure set off by a comma right after
  // another restates it.
  const prev = tokens[fi - 1];
  if (prev?.cls === 'fig' && comma(prev)) {
    const same = structuralSubject(tokens, prev.figure!, g, depth + 1);
    if (same) return { ...same, via: 'same-as-figure' };
  }
  return inParenthesis(tokens, fi, g, depth) ?? inClause(tokens, fi, clauseStart(tokens, fi), g, null, depth);
}

/** "Islam (8.2%)", "the Netherlands (formed in 1922)": the noun phrase before the parenthesis. A
 * restatement ("three-quarters (75%)") takes the subject of the figure it restates. */
function inParenthesis(tokens: Token[], fi: number, g: GrammarRules, depth: number): StructuralSubject | null {
  for (let k = fi; k >= Math.max(0, fi - 3); k--) {
    if (k < fi && /\)/.test(tokens[k].post)) return null;
    if (!opensParen(tokens[k])) continue;
    if (tokens.slice(k, fi).some((t) => t.cls === 'verb')) return null;
    const before = tokens[k - 1];
    if (!before) return null;
    if (before.cls === 'fig') {
      const same = structuralSubject(tokens, before.figure!, g, depth + 1);
      return same && { ...same, via: 'same-as-figure' };
    }
    if ((before.cls !== 'noun' && before.cls !== 'adj') || before.tags.has('Value') || before.tags.has('Fraction') || /^(half|third|quarter|thirds|quarters|halves)$/.test(before.lower)) return null;
    let from = k - 1;
    while (from > 0 && (tokens[from - 1].cls === 'noun' || tokens[from - 1].cls === 'adj') && !comma(tokens[from - 1]) && !hardBreak(tokens[from - 1]) && !opensParen(tokens[from])) from--;
    return refine(tokens, from, k, 'parenthesis', g);
  }
  return null;
}

/** Index of the first token of the clause that holds token `fi`. */
function clauseStart(tokens: Token[], fi: number): number {
  for (let j = fi; j > 0; j--) {
    const prev = tokens[j - 1];
    if (hardBreak(prev)) return j;
    // A dash opens a clause only when what follows it has a verb of its own; else it is an aside
    // ("revenue per user—sometimes up to $2,000 per month—") that belongs to the clause around it.
    if (dash(prev) && segmentHasVerb(tokens, j)) return j;
    // "If OpenAI can deliver …, it stands to …": a fronted subordinate clause ends at the comma
    // before the main clause's subject and verb.
    if (prev.cls === 'sub') return mainClauseAfter(tokens, j, fi) ?? j - 1;
    if (prev.cls === 'rel') return j - 1;
    // "compared to OpenAI's model at $20", "unlike Meta": a new subject for what follows.
    if ((prev.cls === 'to' && /^compar/.test(tokens[j - 2]?.lower ?? '')) || /^(unlike|versus|vs\.?|than)$/.test(prev.lower)) return j;
    // "…, and the three channels accounted for 29.5%", "…, lead levels … has been cut by 70%":
    // a new subject and verb after "and" or a comma open a new clause; "… employs 41,000 people
    // and has a turnover of £6 billion" shares its subject.
    if ((prev.cls === 'conj' || comma(prev)) && newClauseBetween(tokens, j, fi) && clauseBefore(tokens, j - 1)) return j;
  }
  return 0;
}

/** A subject (noun or pronoun) then a finite verb, or a gapped clause ("and the other channels
 * for the remaining 42.1%"), between `from` and the figure. */
function newClauseBetween(tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from];
  if (!first || first.cls === 'verb' || first.cls === 'adv' || first.cls === 'prep' || first.cls === 'fig' || first.cls === 'to') return false;
  let sawNoun = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if ((t.cls === 'verb' || t.verbal) && finite(t)) return sawNoun;
    if (t.cls === 'noun' || t.cls === 'pron') sawNoun = true;
    if ((t.cls === 'fig' && !t.verbal) || comma(t) || t.cls === 'rel' || t.cls === 'sub') return false;
  }
  // No verb: "and the other channels for 42.1%" repeats the previous clause's verb.
  return sawNoun && tokens[to - 1]?.cls === 'prep' && tokens[to - 1].lower !== 'of' && tokens[from - 1]?.cls === 'conj';
}

/** A finite verb before `at` in the same stretch of the sentence: only then do "and" or a comma
 * join two clauses ("Michelle and Jill Biden have worked …" is one subject). */
function clauseBefore(tokens: Token[], at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    if (hardBreak(tokens[k]) || tokens[k].cls === 'sub' || tokens[k].cls === 'rel') return false;
    if (finite(tokens[k])) return true;
  }
  return false;
}

function segmentHasVerb(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    if (finite(tokens[k])) return true;
    if (dash(tokens[k]) || hardBreak(tokens[k])) return false;
  }
  return false;
}

/** After a subordinate clause opened at `from`, the first comma followed by a subject and a
 * finite verb before the figure: the start of the main clause. */
function mainClauseAfter(tokens: Token[], from: number, fi: number): number | null {
  for (let k = from; k < fi; k++) {
    if (!comma(tokens[k])) continue;
    let j = k + 1;
    while (j < fi && (nounish(tokens[j]) || tokens[j].cls === 'pron')) j++;
    if (j > k + 1 && j < tokens.length && finite(tokens[j])) return k + 1;
  }
  return null;
}

/** The clause's verb from `k` on: the first finite verb, past a relative clause set off by commas
 * ("The campaign, which was launched in May, has raised £100,000"), a parenthesis, and a reduced
 * relative clause ("the tax relief you passed has left …"). */
function findVerb(tokens: Token[], k: number, fi: number): number {
  for (let i = k; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > fi && (hardBreak(tokens[i - 1]) || t.cls === 'sub' || t.cls === 'rel')) break;
    if (t.cls === 'rel' && i > k && comma(tokens[i - 1])) {
      const close = tokens.findIndex((u, j) => j > i && j < fi && comma(u));
      if (close > 0) { i = close; continue; }
    }
    if (opensParen(t) && i !== fi) {
      const close = tokens.findIndex((u, j) => j >= i && /\)/.test(u.post));
      if (close > 0 && close < fi) { i = close; continue; }
    }
    if (t.cls === 'pron' && !THIRD_PERSON.test(t.lower) && tokens[i - 1]?.cls === 'noun' && !comma(tokens[i - 1]) && tokens[i + 1]?.cls === 'verb') { i++; continue; }
    // "The council that runs the port collected £3 million": past the relative clause to the
    // main verb, when there is one before the figure.
    if (t.cls === 'rel' && i > k && tokens[i - 1]?.cls === 'noun' && tokens[i + 1]?.cls === 'verb') {
      let j = i + 2;
      while (j < fi && (nounish(tokens[j]) || tokens[j].cls === 'prep')) j++;
      if (j < fi && finite(tokens[j])) { i = j - 1; continue; }
    }
    if ((t.cls === 'verb' && finite(t)) || t.verbal || (t.cls === 'to' && tokens[i + 1]?.cls === 'verb' && i > k)) return i;
  }
  return -1;
}

/** The subject of the figure at `fi` in the clause starting at `cs` (which may begin with its
 * subordinator or relative pronoun). */
function inClause(tokens: Token[], fi: number, cs: number, g: GrammarRules, speaker: Span | null, depth: number): StructuralSubject | null {
  const opener = tokens[cs]?.cls === 'sub' || tokens[cs]?.cls === 'rel' ? tokens[cs] : null;
  const from = opener ? cs + 1 : cs;
  // "this meal: less than $100": a figure that opens the clause after a colon elaborates the
  // phrase before the colon.
  if (from === fi && from > 0 && hardBreak(tokens[from - 1]) && /:/.test(tokens[from - 1].post)) {
    let a = from - 1;
    while (a > 0 && nounish(tokens[a - 1]) && !comma(tokens[a - 1])) a--;
    const phrase = trimPhrase(tokens, a, from, g);
    if (phrase) return refine(tokens, phrase.from, phrase.to, 'before-colon', g);
  }
  // "With an area of 242,500 km2, the United Kingdom is …": a figure inside a fronted phrase is
  // about the main clause's subject.
  const frontedEnd = tokens.findIndex((u, j) => j >= fi && j - from <= 14 && comma(u));
  const insidePhrase = tokens.slice(from + 1, fi).some((t) => t.cls === 'prep');
  if (tokens[from]?.cls === 'prep' && insidePhrase && frontedEnd >= 0 && !tokens.slice(from, frontedEnd + 1).some((t) => t.cls === 'verb')) {
    const v = findVerb(tokens, frontedEnd + 1, tokens.length);
    const subject = v > frontedEnd + 1 ? trimPhrase(tokens, frontedEnd + 1, v, g) : null;
    if (subject) return refine(tokens, subject.from, subject.to, 'clause-subject', g);
  }
  // "…, has secured a place after raising £100,000": a clause of a gerund has no subject of its
  // own; it is the main clause's.
  if (opener?.cls === 'sub' && from === fi - 1 && tokens[from].cls === 'verb' && /ing$/.test(tokens[from].lower) && cs > 0 && depth < 3) {
    return inClause(tokens, cs, clauseStart(tokens, cs), g, speaker, depth + 1);
  }
  const k = skipFronted(tokens, from, fi);
  // "like 98% of American families", "including 72 percent of …": the figure names its own group.
  if (/^(like|including|among|as)$/.test(tokens[fi - 1]?.lower ?? '')) return figureInSubject(tokens, fi, g, opener, cs);
  const v = findVerb(tokens, k, fi);
  // "we doubled the child credit": a figure that is the verb has the clause's subject, or its
  // object when the subject is the speaker.
  if (v === fi && tokens[fi].verbal) {
    const subject = trimPhrase(tokens, k, fi, g);
    if (!subject) return opener?.cls === 'rel' ? nounBefore(tokens, cs, g) : null;
    return bySubject(tokens, subject, fi + 1, tokens.length, fi, g, speaker);
  }
  // "$2 billion was raised by Initech", "the plant was built by Globex for $300 million": a
  // passive's agent is what the figure is about.
  const agent = v >= 0 ? passiveAgent(tokens, v, g) : null;
  if (agent) return agent;
  if (v < 0 || v > fi) {
    // The figure stands in the subject, or in a clause with no verb (a headline, a list entry).
    const inside = figureInSubject(tokens, fi, g, opener, cs);
    if (inside) return inside;
    if (v < 0) {
      const lead = trimPhrase(tokens, k, fi, g);
      if (lead) return refine(tokens, lead.from, lead.to, 'clause-subject', g);
    }
    return null;
  }
  // A subject that holds a figure ("62% of Christians are Anglican, 13.5% Catholic"): each
  // figure after it names its own group.
  if (tokens.slice(k, v).some((t) => t.cls === 'fig')) return figureInSubject(tokens, fi, g, opener, cs);
  let vEnd = v;
  while (vEnd + 1 < fi && (tokens[vEnd + 1].cls === 'verb' || tokens[vEnd + 1].cls === 'adv' || tokens[vEnd + 1].cls === 'to')) vEnd++;
  const verbWords = tokens.slice(v, vEnd + 1).map((t) => t.lower);
  if (tokens[k]?.lower === 'there' && v === k + 1) return afterFigure(tokens, fi, g) ?? countedNoun(tokens, fi);
  const subject = trimPhrase(tokens, k, v, g);
  // "We will double our exports": the figure is the verb after its auxiliaries.
  if (tokens[fi].verbal && vEnd + 1 === fi) {
    if (subject) return bySubject(tokens, subject, fi + 1, tokens.length, fi, g, speaker);
    return opener?.cls === 'rel' && cs > 0 ? nounBefore(tokens, cs, g) : null;
  }
  // "Analysts said (that) the firm's revenue rose 10%": the figure is in what was said.
  if (verbWords.some((w) => g.speechVerbs.has(w)) && segmentHasVerb(tokens, vEnd + 1) && depth < 3) {
    let start = vEnd + 1;
    if (OBJECT_PRONOUN.test(tokens[start]?.lower ?? '')) start++;
    if (tokens[start]?.lower === 'that') start++;
    if (tokens.slice(start, fi + 1).some((t) => t.cls === 'verb' || t.verbal) || tokens.slice(fi).some((t) => finite(t))) {
      return inClause(tokens, fi, start, g, subject ? span(tokens, subject.from, subject.to) : speaker, depth + 1);
    }
  }
  // "lifting the minimum wage to $10.10", "cut the bureaucracy by 100,000 positions": the figure
  // is the new value of, or the change in, the object of the verb nearest before it.
  const changeVerb = lastVerb(tokens, vEnd, fi - 1, g);
  if ((tokens[fi - 1]?.cls === 'to' || tokens[fi - 1]?.lower === 'by') && nounish(tokens[fi - 2]) && fi - 2 > vEnd && !g.auxiliaries.has(tokens[changeVerb].lower)) {
    const object = objectOf(tokens, changeVerb + 1, fi - 1, g);
    if (object) return object;
  }
  if (!subject) return afterFigure(tokens, fi, g) ?? (opener?.cls === 'rel' && cs > 0 ? nounBefore(tokens, cs, g) : null);
  return bySubject(tokens, subject, vEnd + 1, fi, fi, g, speaker);
}

/** "was raised by Initech": the noun phrase after "by" when the verb group at `v` is passive. */
function passiveAgent(tokens: Token[], v: number, g: GrammarRules): StructuralSubject | null {
  let end = v;
  while (tokens[end + 1] && (tokens[end + 1].cls === 'verb' || tokens[end + 1].cls === 'adv')) end++;
  const group = tokens.slice(v, end + 1).filter((t) => t.cls === 'verb');
  const passive = group.length >= 2 && group.slice(0, -1).some((t) => /^(is|are|was|were|be|been|being|has been|had been)$/.test(t.lower)) && (group[group.length - 1].tags.has('PastTense') || group[group.length - 1].tags.has('Participle'));
  if (!passive) return null;
  for (let k = end + 1; k < Math.min(tokens.length, end + 8); k++) {
    if (tokens[k].lower === 'by' && nounish(tokens[k + 1]) && tokens[k + 1].cls !== 'fig') {
      const phrase = trimPhrase(tokens, k + 1, phraseEnd(tokens, k + 1, g), g);
      return phrase ? refine(tokens, phrase.from, phrase.to, 'passive-agent', g) : null;
    }
    if (comma(tokens[k]) || hardBreak(tokens[k]) || tokens[k].cls === 'verb' || tokens[k].cls === 'sub' || tokens[k].cls === 'rel') break;
  }
  return null;
}

/** The subject phrase decides: a pronoun for the speaker or reader hands over to the object, a
 * third-person pronoun is left to the caller to resolve. */
function bySubject(tokens: Token[], subject: { from: number; to: number }, objectFrom: number, objectTo: number, fi: number, g: GrammarRules, speaker: Span | null): StructuralSubject | null {
  const first = tokens[subject.from];
  if (subject.to - subject.from === 1 && (first.cls === 'pron' || g.personalPronouns.has(first.lower))) {
    if (g.personalPronouns.has(first.lower)) {
      const found = objectOf(tokens, lastVerb(tokens, objectFrom - 1, Math.min(objectTo, fi), g) + 1, objectTo, g) ?? afterFigure(tokens, fi, g);
      // "I lost 70 pounds", "I have 3 bikes": the writer's own weight, score, belongings.
      const verb = tokens.slice(subject.to, fi).find((t) => t.cls === 'verb' && !g.auxiliaries.has(t.lower));
      if (found || first.lower !== 'i' || !verb || !g.personalVerbs.has(verb.lower)) return found;
      return { span: span(tokens, subject.from, subject.to), via: 'clause-subject', metric: null, pronoun: false, speaker, personal: true };
    }
    if (THIRD_PERSON.test(first.lower)) return { span: span(tokens, subject.from, subject.to), via: 'clause-subject', metric: null, pronoun: true, speaker, alternative: afterFigure(tokens, fi, g) };
    return null;
  }
  const found = refine(tokens, subject.from, subject.to, 'clause-subject', g);
  return found ? { ...found, speaker } : null;
}

/** The last verb (or "to" of an infinitive) between `from` and `to`: "I challenge Congress to
 * provide a $1,000 scholarship" → provide. */
function lastVerb(tokens: Token[], from: number, to: number, g: GrammarRules): number {
  for (let i = to - 1; i > from; i--) if (tokens[i].cls === 'verb' && !g.auxiliaries.has(tokens[i].lower)) return i;
  return from;
}

/** Past what comes before a clause's subject: "In 1993", "At the time of his death,",
 * "Completed in 1345,", "Collectively", "And yet,", "Tonight,". */
function skipFronted(tokens: Token[], from: number, fi: number): number {
  let k = from;
  // "Beyond the U.S., Europe has …", "Tonight, our partnership includes …": a short phrase with no
  // verb of its own, closed by a comma before a subject and its verb.
  const close = tokens.findIndex((u, j) => j >= k && j < fi && j - k <= 8 && comma(u));
  const opensNoun = tokens[k] && (tokens[k].cls === 'det' || tokens[k].cls === 'pron' || (tokens[k].cls === 'noun' && !tokens[k].tags.has('Date')));
  if (close >= 0 && !opensNoun && !tokens.slice(k + 1, close + 1).some((u) => finite(u) && !u.tags.has('Participle'))) {
    let j = close + 1;
    while (j < tokens.length && (nounish(tokens[j]) || tokens[j].cls === 'pron') && !comma(tokens[j])) j++;
    if (j > close + 1 && tokens[j] && finite(tokens[j]) && !tokens[j].verbal) k = close + 1;
  }
  for (let guard = 0; guard < 4 && k < fi; guard++) {
    const t = tokens[k];
    if (t.cls === 'adv' || t.cls === 'conj' || (t.tags.has('Date') && comma(t))) { k++; continue; }
    if (t.cls === 'prep') {
      // The preposition and its noun ("In 1993", "In that year"), up to a year or a comma.
      let j = k + 1;
      while (j < fi && nounish(tokens[j]) && j - k <= 4) {
        j++;
        if (comma(tokens[j - 1]) || tokens[j - 1].tags.has('Value')) break;
      }
      if (j > k + 1 && (comma(tokens[j - 1]) || tokens[j]?.cls !== 'prep')) { k = j; continue; }
    }
    if (t.cls === 'prep' || (t.cls === 'verb' && (t.tags.has('Participle') || t.tags.has('PastTense') || t.tags.has('Gerund')))) {
      const close = tokens.findIndex((u, j) => j >= k && j < fi && comma(u));
      if (close >= 0 && close - k <= 10 && !tokens.slice(k + 1, close + 1).some((u) => finite(u) && u.cls === 'verb' && !u.tags.has('Participle'))) { k = close + 1; continue; }
    }
    break;
  }
  return k;
}

/** The words from `from` to `to` as a subject phrase: determiners, adverbs, an apposition
 * ("Duarte Peak, the highest point …,") and a parenthesis dropped; null when no noun is left. */
function trimPhrase(tokens: Token[], from: number, to: number, g: GrammarRules): { from: number; to: number } | null {
  let a = from, b = to;
  // Determiners go, but not a possessive pronoun: "its first phase" is about what "its" is.
  while (a < b && !tokens[a].tags.has('ProperNoun') && !THIRD_PERSON.test(tokens[a].lower) && (tokens[a].cls === 'adv' || tokens[a].cls === 'det' || g.determiners.has(tokens[a].lower))) a++;
  for (let i = a; i < b; i++) {
    const t = tokens[i];
    if (i > a && (opensParen(t) || t.cls === 'rel' || t.cls === 'sub' || (t.cls === 'pron' && !THIRD_PERSON.test(t.lower)))) { b = i; break; }
    // "Microsoft, Meta and Alphabet": commas inside a list of names do not end the phrase.
    if (comma(t) && !listContinues(tokens, i + 1, b)) { b = i + 1; break; }
    if (hardBreak(t)) { b = i + 1; break; }
  }
  while (b > a && (tokens[b - 1].cls === 'adv' || tokens[b - 1].cls === 'prep' || tokens[b - 1].cls === 'conj' || tokens[b - 1].cls === 'to' || g.focusWords.has(tokens[b - 1].lower))) b--;
  if (b - a > 12 || b <= a) return null;
  if (!tokens.slice(a, b).some((t) => t.cls === 'noun' || t.cls === 'pron' || t.cls === 'adj' || (t.cls === 'det' && THIRD_PERSON.test(t.lower)))) return null;
  return { from: a, to: b };
}

/** After a comma at `from`: more names, then "and"/"or" and a last one, before `to`. */
function listContinues(tokens: Token[], from: number, to: number): boolean {
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
function objectOf(tokens: Token[], from: number, to: number, g: GrammarRules): StructuralSubject | null {
  let end = from;
  while (end < to && ((nounish(tokens[end]) && !timeAt(tokens, end)) || (end > from && /^(of|for|in)$/.test(tokens[end].lower) && nounish(tokens[end + 1])))) {
    end++;
    if (comma(tokens[end - 1])) break;
  }
  const phrase = trimPhrase(tokens, from, end, g);
  return phrase ? refine(tokens, phrase.from, phrase.to, 'object', g) : null;
}

/** The noun phrase right before a relative pronoun at `rel`: "the Highland Council which …";
 * "681 households, out of which 22.3% …" → the households counted. */
function nounBefore(tokens: Token[], rel: number, g: GrammarRules): StructuralSubject | null {
  let end = rel;
  while (end > 0 && /^(of|out)$/.test(tokens[end - 1].lower)) end--;
  if (tokens[end - 1]?.cls === 'fig') return countedNoun(tokens, end - 1);
  let from = end;
  while (from > 0 && nounish(tokens[from - 1]) && !(from < end && comma(tokens[from - 1]))) from--;
  const phrase = trimPhrase(tokens, from, end, g);
  return phrase ? refine(tokens, phrase.from, phrase.to, 'relative-clause', g) : null;
}

/** A figure inside the subject: "40% of voters", "$7 draft beers", "$2 for an egg", "4 million
 * children (lived …)"; a share with its group left out ("while over 90 per cent operated …")
 * shares the group of the share before it. */
function figureInSubject(tokens: Token[], fi: number, g: GrammarRules, opener: Token | null, cs: number): StructuralSubject | null {
  let k = fi + 1;
  if (tokens[k]?.lower === 'worth' || tokens[k]?.lower === 'each') k++;
  if (tokens[k]?.lower === 'of' && !comma(tokens[fi])) {
    const phrase = trimPhrase(tokens, k + 1, phraseEnd(tokens, k + 1, g), g);
    if (phrase) return refine(tokens, phrase.from, phrase.to, 'of-complement', g);
  }
  const after = afterFigure(tokens, fi, g);
  if (after) return after;
  const kind = tokens[fi].kind;
  if (kind === 'percent' || kind === 'ratio') {
    if (opener?.cls === 'rel' && cs > 0) return nounBefore(tokens, cs, g);
    for (let p = fi - 1; p >= 0; p--) {
      if (tokens[p].cls !== 'fig' || tokens[p].kind !== kind || tokens[p + 1]?.lower !== 'of') continue;
      const phrase = trimPhrase(tokens, p + 2, phraseEnd(tokens, p + 2, g), g);
      const group = phrase && refine(tokens, phrase.from, phrase.to, 'of-complement', g);
      if (group) return { ...group, via: 'same-as-figure' };
    }
  }
  // "4.0 million children lived …": a count that is the clause's subject is about what it counts.
  let n = fi + 1;
  if (comma(tokens[fi])) { while (n < tokens.length && !comma(tokens[n])) n++; n++; }
  while (tokens[n]?.cls === 'adv') n++;
  if (kind === 'count' && (tokens[n]?.cls === 'verb' || tokens[n]?.lower === 'to')) return countedNoun(tokens, fi);
  return null;
}

function countedNoun(tokens: Token[], fi: number): StructuralSubject | null {
  return tokens[fi].kind === 'count' ? { span: span(tokens, fi, fi + 1), via: 'counted-noun', metric: null, pronoun: false, speaker: null, counted: true } : null;
}

/** The noun phrase right after a money figure: "$7 draft beers", "$12 million for a program". */
function afterFigure(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  if (comma(tokens[fi]) || hardBreak(tokens[fi]) || tokens[fi].kind !== 'money') return null;
  let k = fi + 1;
  if (tokens[k]?.lower === 'for' || tokens[k]?.lower === 'on') k++;
  const t = tokens[k];
  if (!t || opensParen(t) || !nounish(t) || t.tags.has('Preposition') || t.tags.has('Value') || /^(over|under|above|below|since|per|each|more|less)$/.test(t.lower)) return null;
  const phrase = trimPhrase(tokens, k, phraseEnd(tokens, k, g), g);
  // A length of time is not what a sum is the price of ("paid $32 for three hours").
  if (!phrase || tokens.slice(phrase.from, phrase.to).some((u) => u.tags.has('Date') || u.tags.has('Duration'))) return null;
  return refine(tokens, phrase.from, phrase.to, 'after-figure', g);
}

/** End (exclusive) of the noun phrase starting at `from`: nouns, adjectives, determiners,
 * "of"/"in"/"on"/"from" phrases and "and" between nouns, up to a verb, comma, figure, parenthesis
 * or relative pronoun. */
function phraseEnd(tokens: Token[], from: number, g: GrammarRules): number {
  let k = from;
  while (k < tokens.length) {
    const t = tokens[k];
    if (k > from && (opensParen(t) || t.cls === 'rel' || g.relativePronouns.has(t.lower))) break;
    // A time ends the phrase: "Initech last year", "the company this quarter".
    if (k > from && timeAt(tokens, k)) break;
    const next = tokens[k + 1];
    const joins = k > from && next && next.cls !== 'fig' && ((/^(of|in|on|from)$/.test(t.lower)) || (t.cls === 'conj' && nounish(next)));
    if (!(nounish(t) || joins)) break;
    k++;
    if (comma(t) || hardBreak(t) || dash(t) || t.post.includes(')')) break;
  }
  return k;
}

/** A subject phrase whose head names a measure names its owner. */
function refine(tokens: Token[], from: number, to: number, via: StructuralVia, g: GrammarRules): StructuralSubject | null {
  const words = tokens.slice(from, to);
  if (words.length === 0) return null;
  // "the average price of a detached home in London" → a detached home in London; "a 2001
  // estimate for the US market" → the US market.
  const of = words.findIndex((t, i) => t.lower === 'of' || (/^(for|in)$/.test(t.lower) && headIsMetric(words.slice(0, i), g)));
  if (of > 0 && headIsMetric(words.slice(0, of), g)) {
    const inner = trimPhrase(tokens, from + of + 1, to, g);
    if (inner) {
      const owner = refine(tokens, inner.from, inner.to, 'of-complement', g);
      if (owner) return { ...owner, metric: metricWords(words.slice(0, of), g) };
    }
  }
  if (of < 0 && words.length > 1 && headIsMetric(words, g)) {
    // "Murchison's fortune", "Chicago's robbery rate", "its revenue": the possessive owner.
    const pos = words.findIndex((t) => t.tags.has('Possessive') || (/['’]s?$/.test(t.text) && t.cls === 'noun'));
    // "This year's budget": a time owns nothing; the phrase is its head.
    if (pos >= 0 && (words[pos].tags.has('Date') || words[pos].tags.has('Duration'))) return { span: span(tokens, from + pos + 1, to), via, metric: null, pronoun: false, speaker: null };
    if (pos >= 0 && pos < words.length - 1) {
      return { span: span(tokens, from, from + pos + 1), via: 'possessive-owner', metric: metricWords(words.slice(pos + 1), g), pronoun: THIRD_PERSON.test(words[pos].lower), speaker: null };
    }
    // "UK exports": a country before the head is the owner.
    const headAt = words.findIndex((t, i) => i > 0 && g.metricHeads.has(t.lower));
    const lead = words.slice(0, headAt).map((t) => t.text).join(' ').toLowerCase();
    if (headAt > 0 && g.isPlace(lead)) return { span: span(tokens, from, from + headAt), via: 'possessive-owner', metric: metricWords(words.slice(headAt), g), pronoun: false, speaker: null };
  }
  // "its first phase", "their budget": a possessive pronoun names the owner.
  if (words.length > 1 && /^(its|their|his|her)$/.test(words[0].lower)) {
    return { span: span(tokens, from, from + 1), via: 'possessive-owner', metric: headIsMetric(words, g) ? metricWords(words.slice(1), g) : null, pronoun: true, speaker: null };
  }
  if ((via === 'clause-subject' || via === 'object') && of < 0 && headIsMetric(words, g)) {
    const bare = words.every((t) => t.cls === 'det' || g.measureAdjectives.has(t.lower) || g.metricHeads.has(t.lower));
    return { span: span(tokens, from, to), via, metric: metricWords(words, g), pronoun: false, speaker: null, unowned: bare ? 'bare' : 'modified' };
  }
  return { span: span(tokens, from, to), via, metric: null, pronoun: false, speaker: null };
}

function headIsMetric(words: Token[], g: GrammarRules): boolean {
  const last = words[words.length - 1]?.lower ?? '';
  const two = words.slice(-2).map((t) => t.lower).join(' ');
  return g.metricHeads.has(last) || g.metricHeads.has(two);
}

/** The measure's words as written ("data-center revenue"), without determiners. */
function metricWords(words: Token[], g: GrammarRules): string {
  const kept = words.filter((t) => !g.determiners.has(t.lower) && t.cls !== 'det');
  return kept.map((t, i) => t.lower.replace(/['’]s$/, '') + (i === kept.length - 1 ? '' : t.post.includes('-') ? '-' : ' ')).join('');
}

/** A time starts at `k`: "last year", "this quarter", "2021". */
function timeAt(tokens: Token[], k: number): boolean {
  return tokens[k].tags.has('Date') || (tokens[k].cls !== 'noun' && !!tokens[k + 1]?.tags.has('Date'));
}

function span(tokens: Token[], from: number, to: number): Span {
  return { start: tokens[from].start, end: tokens[to - 1].end };
}
