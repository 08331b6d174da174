/**
 * What a figure is about, read from the structure of the clause that holds it (tokens from
 * clause.ts). In order:
 *  1. a restatement ("4.0 million children, 31% of the total,"), a figure after "and" or
 *     "compared to" with nothing of its own between ("5% in 2020 and 7% in 2021") or a parenthesis
 *     right after a noun phrase ("Islam (8.2%)") takes the other figure's subject or that phrase;
 *     a measure written as an adjective is its noun's ("the 12-mile tunnel"); a share written as
 *     two counts is its group's ("9 out of 10 dentists"); a count of people that is the subject
 *     of its own verb is the place or event it puts them in ("12,000 people marched in Lisbon");
 *  2. the figure's own clause: after a subordinator or relative pronoun, past fronted phrases
 *     ("In 2014, …", "Completed in 1345, …") and speech verbs ("X said (that) …" → the reported
 *     clause), the noun phrase before the verb when the figure is in the predicate ("The reserve
 *     has 83 acres" → reserve); the object when that subject is the speaker or reader ("we doubled
 *     the child credit"), or when the figure is the object's new value ("lifting the minimum wage to
 *     $10.10"); the payer of a sum paid ("requiring firms to pay … $15"), else whom it is paid
 *     to when the subject is the writer ("I paid the driver $40"); the noun before a relative
 *     pronoun ("the council which includes a third");
 *  3. a figure in the subject itself: its "of" complement ("40% of voters"), the noun it is the
 *     price of ("$7 draft beers", "$2 for an egg"), its counted noun ("4 million children lived");
 *  4. the refinement: a subject whose head names a measure names its owner ("Murchison's fortune"
 *     → Murchison, "the price of gold" → gold) and the head becomes the metric.
 * Nothing found → null, and the caller falls back to names near the figure.
 */
import type { Span } from '../types.js';
import type { GrammarRules, Token } from './clause.js';
import { clauseStart, comma, findVerb, finite, hardBreak, lastVerb, nounish, opensParen, segmentHasVerb, skipFronted } from './clause-bounds.js';
import { afterFigure, countedNoun, descriptorEnd, nounBefore, objectOf, phraseEnd, refine, span, timeAt, trimPhrase, type StructuralSubject } from './subject-phrase.js';

export type { StructuralSubject, StructuralVia } from './subject-phrase.js';

export function structuralSubject(tokens: Token[], figure: number, g: GrammarRules, depth = 0): StructuralSubject | null {
  const fi = tokens.findIndex((t) => t.figure === figure);
  if (fi < 0 || depth > 3) return null;
  // "4.0 million children, 31% of the total, lived …": a figure set off by a comma right after
  // another restates it.
  const prev = tokens[fi - 1];
  if (prev?.cls === 'fig' && comma(prev)) {
    const same = structuralSubject(tokens, prev.figure!, g, depth + 1);
    if (same) return sameAs(same);
  }
  const shared = afterConjunction(tokens, fi, g) ?? afterComparison(tokens, fi, g) ?? comparedAfterComma(tokens, fi) ?? changeAfterComma(tokens, fi, g);
  if (shared !== null && !afterFigure(tokens, fi, g)) {
    const same = structuralSubject(tokens, shared, g, depth + 1);
    if (same) return sameAs(same);
  }
  // "The 12-mile tunnel": a measure written as an adjective is the length (or weight…) of its noun.
  const fig = tokens[fi];
  if (fig.kind === 'measure' && /\d-\p{L}+$/u.test(fig.text) && !fig.post.trim() && nounish(tokens[fi + 1])) {
    const thing = trimPhrase(tokens, fi + 1, phraseEnd(tokens, fi + 1, g), g);
    if (thing) return refine(tokens, thing.from, thing.to, 'after-figure', g);
  }
  return shareOf(tokens, fi, g) ?? payerAfter(tokens, fi, g) ?? nameWithFigure(tokens, fi, g) ?? ownedCount(tokens, fi, g) ?? inApposedPhrase(tokens, fi, g) ?? whereCounted(tokens, fi, g) ?? inParenthesis(tokens, fi, g, depth) ?? inClause(tokens, fi, clauseStart(tokens, fi, g), g, null, depth);
}

/** The end of the listener's noun phrase after a verb like "told" that starts at `from`: a
 * determiner, then nouns and adjectives up to the next determiner, "that", a pronoun, a verb, or
 * a lower-case word after a name ("told Reuters sales rose": the listener is Reuters). */
function listenerEnd(tokens: Token[], from: number): number {
  let k = from;
  if (tokens[k]?.cls === 'det') k++;
  while (k < tokens.length && (tokens[k].cls === 'noun' || tokens[k].cls === 'adj')) {
    if (k > from && /^\p{Lu}/u.test(tokens[k - 1].text) && !/^\p{Lu}/u.test(tokens[k].text)) break;
    k++;
    // ("told reporters, the figure was …": a comma ends the listener.)
    if (comma(tokens[k - 1])) break;
  }
  return k > from && k < tokens.length ? k : from;
}

/** Another figure's subject, found through it; a possessive owner stays one ("the firm's debt …,
 * about four times its earnings" → firm, not "firm's"). */
function sameAs(other: StructuralSubject): StructuralSubject {
  return { ...other, via: 'same-as-figure', owner: other.owner || other.via === 'possessive-owner' };
}

/** "rose 5% in 2020 and 7% in 2021", "paid $65 to and $65 from the port": a figure right after
 * "and" with nothing between it and a figure of its kind but prepositions, times and currency
 * words shares that figure's subject; the index of that figure, or null. */
function afterConjunction(tokens: Token[], fi: number, g: GrammarRules): number | null {
  if (tokens[fi - 1]?.cls !== 'conj') return null;
  for (let p = fi - 2; p >= Math.max(0, fi - 7); p--) {
    const t = tokens[p];
    if (t.cls === 'fig' && t.kind === tokens[fi].kind) return t.figure!;
    const filler = t.cls === 'prep' || t.cls === 'to' || t.cls === 'adv' || t.cls === 'fig' || t.tags.has('Date') || g.notPriced.has(t.lower);
    if (!filler || comma(t) || hardBreak(t)) return null;
  }
  return null;
}

/** "was 154,700 in 2013, compared to 241,200 in 2010": a figure right after "compared to" (no
 * new subject between) is the same measure of the same subject; the index of the figure of its
 * kind before it, or null ("compared to coffee at $3" names its own subject). */
function afterComparison(tokens: Token[], fi: number, g: GrammarRules): number | null {
  const to = tokens[fi - 1];
  if (!to || !((to.cls === 'to' || to.lower === 'with') && g.comparisonVerbs.has(tokens[fi - 2]?.lower ?? ''))) return null;
  for (let p = fi - 3; p >= 0; p--) if (tokens[p].cls === 'fig' && tokens[p].kind === tokens[fi].kind) return tokens[p].figure!;
  return null;
}

/** "2.1 million tourists visited Iceland, double the number a decade ago": a multiple set off by
 * a comma compares the figure before it, and is about the same subject. */
function comparedAfterComma(tokens: Token[], fi: number): number | null {
  if (tokens[fi].kind !== 'multiplier' || !comma(tokens[fi - 1])) return null;
  for (let p = fi - 1; p >= 0 && !hardBreak(tokens[p]); p--) if (tokens[p].cls === 'fig') return tokens[p].figure!;
  return null;
}

/** "The deficit reached $1.7 trillion in the year that ended in September, up 23% from a year
 * earlier": a change set off by a comma ("up", "down", "a 12% increase") is the change of the
 * figure before it, whatever clause stands between, and a count after ", including" is a part of
 * it; the index of that figure, or null. */
function changeAfterComma(tokens: Token[], fi: number, g: GrammarRules): number | null {
  const lead = tokens[fi - 1], before = tokens[fi - 2];
  // (Or a change named by a noun: "…, a 12% increase on the year before".)
  const named = (lead?.lower === 'a' || lead?.lower === 'an') && g.changeNouns.has(tokens[fi + 1]?.lower ?? '');
  // (Or a part of it: "600 million users, including 236 million paying subscribers".)
  const part = lead?.lower === 'including' && tokens[fi].kind === 'count';
  if (!lead || !before || !(g.changeLeads.has(lead.lower) || named || part) || !comma(before)) return null;
  for (let p = fi - 2; p >= 0 && !hardBreak(tokens[p]); p--) if (tokens[p].cls === 'fig' && tokens[p].kind !== 'date') return tokens[p].figure!;
  return null;
}

/** "The plane, carrying 180 passengers and six crew, landed …", "The island, home to 23 million
 * people, produces …": a figure in a participle phrase or an apposition set off by commas between
 * the clause's subject and its verb is about that subject. */
function inApposedPhrase(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  let open = fi - 1;
  while (open > 0 && !comma(tokens[open - 1]) && !hardBreak(tokens[open - 1])) open--;
  const first = tokens[open];
  // (Or a noun phrase set off the same way: "The island, home to 23 million people, produces …".)
  const participle = first?.cls === 'verb' && (/ing$/.test(first.lower) || first.tags.has('PastTense') || first.tags.has('Participle'));
  const apposition = !!first && open < fi && (first.cls === 'noun' || first.cls === 'det' || first.cls === 'adj');
  if (open < 1 || !comma(tokens[open - 1]) || !(participle || apposition)) return null;
  if (tokens.slice(open + 1, fi).some((t) => t.cls === 'verb' && finite(t))) return null;
  // The phrase closes with a comma, and the clause's verb comes after it.
  let close = fi;
  while (close < tokens.length && !comma(tokens[close]) && !hardBreak(tokens[close])) close++;
  let v = close + 1;
  while (tokens[v]?.cls === 'adv') v++;
  if (close >= tokens.length || !comma(tokens[close]) || !tokens[v] || !finite(tokens[v])) return null;
  // The subject is all that comes before the phrase: a noun phrase with no verb of its own.
  const subject = trimPhrase(tokens, 0, open, g);
  if (!subject || tokens.slice(0, open).some((t) => t.cls === 'verb' || t.cls === 'fig' || t.cls === 'sub' || t.cls === 'rel')) return null;
  return refine(tokens, subject.from, subject.to, 'clause-subject', g);
}

/** "9 out of 10 small farms", "one in five adults": a share written as two counts is about the
 * group it is a share of, wherever it stands. */
function shareOf(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  const fig = tokens[fi];
  if (fig.kind !== 'ratio' || !/\s(?:out\s+of|in)\s/i.test(fig.text) || comma(fig) || !nounish(tokens[fi + 1]) || tokens[fi + 1].cls === 'det') return null;
  const phrase = trimPhrase(tokens, fi + 1, phraseEnd(tokens, fi + 1, g), g);
  return phrase && refine(tokens, phrase.from, phrase.to, 'share-of', g);
}

/** "the 100 million pounds Chelsea paid for Fernandez", "the $2 billion that Acme offered": a sum
 * followed by a name and a verb of paying is what that name paid (the payer first, gold/README.md). */
function payerAfter(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  if (tokens[fi].kind !== 'money' || comma(tokens[fi])) return null;
  let k = fi + 1;
  if (tokens[k]?.cls === 'rel' && !comma(tokens[k])) k++;
  let e = k;
  while (e < tokens.length && tokens[e].cls === 'noun' && /^\p{Lu}/u.test(tokens[e].text) && !comma(tokens[e]) && !hardBreak(tokens[e])) e++;
  if (e === k || !tokens[e] || !g.paymentVerbs.has(tokens[e].lower) || comma(tokens[e - 1])) return null;
  return { span: span(tokens, k, e), via: 'payer', metric: null, pronoun: false, speaker: null };
}

/** "…, followed by Kazakhstan with 9,800": a figure right after a name and "with" is that name's
 * (a common noun before "with" is no holder: "finished the race with 12,100"). */
function nameWithFigure(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  const w = tokens[fi - 1], name = tokens[fi - 2];
  if (w?.lower !== 'with' || !name || name.cls !== 'noun' || !/^\p{Lu}/u.test(name.text) || comma(name) || w.post.trim()) return null;
  let b = fi - 2;
  while (b > 0 && tokens[b - 1].cls === 'noun' && /^\p{Lu}/u.test(tokens[b - 1].text) && !comma(tokens[b - 1]) && !hardBreak(tokens[b - 1])) b--;
  // (The name opens a list entry: after "followed by", "and" or a comma, not inside a phrase of
  // place: "voters in Ohio with 12,000 signatures".)
  const before = tokens[b - 1];
  if (before && !(before.lower === 'by' || before.cls === 'conj' || comma(before))) return null;
  const phrase = trimPhrase(tokens, b, fi - 1, g);
  return phrase && { span: span(tokens, phrase.from, phrase.to), via: 'clause-subject', metric: null, pronoun: false, speaker: null };
}

/** "Globex's 8,000 employees work remotely", "half of the company's 12,000 workers", "its 300
 * stores": a count right after a possessive is of the owner's things, and about the owner; when
 * the phrase opens its clause or follows a preposition (an object of a verb stays with its clause:
 * "Acme bought Initech's 40 plants"). A pronoun is left to the caller to resolve. */
function ownedCount(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  const owner = tokens[fi - 1];
  if (tokens[fi].kind !== 'count' || !owner || owner.post.trim()) return null;
  const pronoun = g.possessivePronouns.has(owner.lower) && g.thirdPersonPronouns.has(owner.lower);
  if (!pronoun && !(/(?:['’]s|s['’])$/.test(owner.text) && (owner.cls === 'noun' || owner.cls === 'adj'))) return null;
  // ("Last year's 300 stores": a time owns nothing.)
  if (owner.tags.has('Date') || owner.tags.has('Duration')) return null;
  let b = fi - 1;
  while (!pronoun && b > 0 && (tokens[b - 1].cls === 'noun' || tokens[b - 1].cls === 'adj' || tokens[b - 1].cls === 'det') && !comma(tokens[b - 1]) && !hardBreak(tokens[b - 1])) b--;
  const before = tokens[b - 1];
  if (before && !(before.cls === 'prep' || comma(before) || hardBreak(before))) return null;
  if (pronoun) return { span: span(tokens, fi - 1, fi), via: 'possessive-owner', metric: null, pronoun: true, speaker: null };
  const phrase = trimPhrase(tokens, b, fi, g);
  return phrase && { span: span(tokens, phrase.from, phrase.to), via: 'possessive-owner', metric: null, pronoun: false, speaker: null };
}

/** "12,000 people took part in the march", "3,000 residents were flooded out in Alvor": a count
 * of people that is the subject of its own verb is about the place or event that verb puts them
 * in (a named one, or one with a determiner or several words: not "in poverty"); "in a town where
 * 40,000 people live" is about the town. Objects stay with their clause ("Acme employs 5,000
 * people in Spain" is about Acme). */
function whereCounted(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  const fig = tokens[fi];
  if (fig.kind !== 'count') return null;
  if (!g.peopleNouns.has(fig.text.toLowerCase().split(/\s+/).pop() ?? '')) return whereDone(tokens, fi, g);
  if (tokens[fi - 1]?.lower === 'where' && tokens[fi - 1].cls === 'rel' && fi > 1) {
    const place = nounBefore(tokens, fi - 1, g);
    if (place) return { ...place, via: 'where-counted' };
  }
  let k = fi + 1;
  if (opensParen(tokens[k])) while (k < tokens.length && !tokens[k - 1].post.includes(')')) k++;
  // "3,000 workers at the Ford plant walked off the job": where the people of the subject are.
  if (tokens[k]?.cls === 'prep' && g.peoplePlacePrepositions.has(tokens[k].lower) && !comma(fig) && !timeAt(tokens, k + 1)) {
    const end = phraseEnd(tokens, k + 1, g);
    let v = end;
    while (tokens[v]?.cls === 'adv') v++;
    const phrase = tokens[v] && finite(tokens[v]) ? trimPhrase(tokens, k + 1, end, g) : null;
    if (phrase) return refine(tokens, phrase.from, phrase.to, 'where-counted', g);
  }
  while (tokens[k]?.cls === 'adv') k++;
  if (!tokens[k] || comma(fig) || !finite(tokens[k])) return null;
  // "2.1 million tourists visited Iceland", "6 million refugees have fled Ukraine": the object of
  // a visit is where they were.
  const visit = g.auxiliaries.has(tokens[k].lower) && tokens[k + 1]?.cls === 'verb' ? k + 1 : k;
  if (g.visitVerbs.has(tokens[visit].lower) && nounish(tokens[visit + 1])) {
    const visited = objectOf(tokens, visit + 1, tokens.length, g);
    if (visited) return { ...visited, via: 'where-counted' };
  }
  return placeAfter(tokens, k, g);
}

/** "500 flights were cancelled at Heathrow", "1,200 homes were destroyed in the fire": things
 * counted as what a passive verb was done to, with no agent, are about the place or event where it
 * was done to them (as people counted are, above), and so are things counted as doing what takes
 * no object ("400 wildfires are burning across Canada"). With an agent ("built by Acme") the agent
 * is the subject (passiveAgent). */
function whereDone(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  let k = fi + 1;
  while (tokens[k]?.cls === 'adv') k++;
  if (!tokens[k] || comma(tokens[fi]) || !finite(tokens[k])) return null;
  const end = passiveGroupEnd(tokens, k, g);
  if (end >= 0) return g.speechVerbs.has(tokens[end].lower) || passiveAgent(tokens, k, g) ? null : placeAfter(tokens, end + 1, g);
  // "More than 400 wildfires are burning across Canada": with no object, a place right after the
  // verb group too.
  let v = k;
  while (tokens[v + 1] && (tokens[v + 1].cls === 'verb' || tokens[v + 1].cls === 'adv')) v++;
  const prep = tokens[v + 1];
  return prep && !comma(tokens[v]) && g.peoplePlacePrepositions.has(prep.lower) && (prep.cls === 'prep' || prep.cls === 'sub') ? placeAfter(tokens, v + 1, g) : null;
}

/** The first place or event a preposition of `peoplePlacePrepositions` names after `k`, in the
 * same clause: a named one, or one with a determiner or several words (not "in poverty"). */
function placeAfter(tokens: Token[], k: number, g: GrammarRules): StructuralSubject | null {
  for (; k < tokens.length - 1; k++) {
    const t = tokens[k];
    // ("after the storm": "after" before a noun phrase is a preposition, not a subordinator.)
    const prep = t.cls === 'prep' || (t.cls === 'sub' && tokens[k + 1].cls === 'det');
    if (t.cls === 'fig' || (t.cls === 'sub' && !prep) || t.cls === 'rel' || comma(t) || hardBreak(t)) return null;
    if (!prep || !g.peoplePlacePrepositions.has(t.lower) || timeAt(tokens, k + 1) || tokens[k + 1].cls === 'fig') continue;
    const phrase = trimPhrase(tokens, k + 1, phraseEnd(tokens, k + 1, g), g);
    if (!phrase) continue;
    const words = tokens.slice(phrase.from, phrase.to);
    const named = /^\p{Lu}/u.test(words[0].text);
    if (!named && tokens[k + 1].cls !== 'det' && words.length < 2) continue;
    return refine(tokens, phrase.from, phrase.to, 'where-counted', g);
  }
  return null;
}

/** "Islam (8.2%)", "the Netherlands (formed in 1922)": the noun phrase before the parenthesis. A
 * restatement ("three-quarters (75%)") takes the subject of the figure it restates. */
function inParenthesis(tokens: Token[], fi: number, g: GrammarRules, depth: number): StructuralSubject | null {
  for (let k = fi; k >= Math.max(0, fi - 3); k--) {
    if (k < fi && /\)/.test(tokens[k].post)) return null;
    if (!opensParen(tokens[k])) continue;
    // A parenthesis with a verb of its own is a clause, unless it opens with a participle that
    // says something of the phrase before it ("the Netherlands (formed in 1922)").
    const participle = tokens[k].cls === 'verb' && (tokens[k].tags.has('PastTense') || tokens[k].tags.has('Participle')) && !tokens.slice(k + 1, fi).some((t) => t.cls === 'verb');
    if (!participle && tokens.slice(k, fi).some((t) => t.cls === 'verb')) return null;
    const before = tokens[k - 1];
    if (!before) return null;
    if (before.cls === 'fig') {
      const same = structuralSubject(tokens, before.figure!, g, depth + 1);
      return same && sameAs(same);
    }
    if ((before.cls !== 'noun' && before.cls !== 'adj') || before.tags.has('Value') || before.tags.has('Fraction') || g.fractionWords.has(before.lower)) return null;
    let from = k - 1;
    while (from > 0 && (tokens[from - 1].cls === 'noun' || tokens[from - 1].cls === 'adj') && !comma(tokens[from - 1]) && !hardBreak(tokens[from - 1]) && !opensParen(tokens[from])) from--;
    return refine(tokens, from, k, 'parenthesis', g);
  }
  return null;
}

/** The subject of the figure at `fi` in the clause starting at `cs` (which may begin with its
 * subordinator or relative pronoun). */
function inClause(tokens: Token[], fi: number, cs: number, g: GrammarRules, speaker: Span | null, depth: number): StructuralSubject | null {
  const opener = tokens[cs]?.cls === 'sub' || tokens[cs]?.cls === 'rel' ? tokens[cs] : null;
  const from = opener ? cs + 1 : cs;
  // "this meal: less than $100": a figure that opens the clause after a colon elaborates the
  // phrase before the colon.
  // ("Prices: $5 beers" is about the beers; "The mood was cheap: $5" names nothing before it.)
  if (from === fi && from > 0 && hardBreak(tokens[from - 1]) && /:/.test(tokens[from - 1].post) && tokens[from - 1].cls === 'noun' && !afterFigure(tokens, fi, g)) {
    let a = from - 1;
    while (a > 0 && nounish(tokens[a - 1]) && !comma(tokens[a - 1])) a--;
    const phrase = trimPhrase(tokens, a, from, g);
    if (phrase) return refine(tokens, phrase.from, phrase.to, 'before-colon', g);
  }
  // "With an area of 242,500 km2, the United Kingdom is …", "A lobbyist since 1969, McPherson
  // was …": a figure inside a fronted phrase is about the main clause's subject.
  const frontedEnd = tokens.findIndex((u, j) => j >= fi && j - from <= 14 && comma(u));
  // ("With 200 million subscribers, Netflix …": or the whole phrase is a preposition and the
  // figure; "With a million jobs at stake, I …" says something else of the figure.)
  const bare = fi === from + 1 && comma(tokens[fi]) && g.frontedFigurePrepositions.has(tokens[from].lower);
  const fronted = tokens[from]?.cls === 'prep' ? tokens.slice(from + 1, fi).some((t) => t.cls === 'prep') || bare : tokens[from]?.cls === 'det' && tokens[from].lower !== 'the';
  if (fronted && frontedEnd >= 0 && !tokens.slice(from, frontedEnd + 1).some((t) => t.cls === 'verb')) {
    const v = findVerb(tokens, frontedEnd + 1, tokens.length, g);
    const subject = v > frontedEnd + 1 ? trimPhrase(tokens, frontedEnd + 1, v, g) : null;
    if (subject) return refine(tokens, subject.from, subject.to, 'clause-subject', g);
  }
  // "…, has secured a place after raising £100,000": a clause of a gerund has no subject of its
  // own; it is the main clause's.
  if (opener?.cls === 'sub' && from === fi - 1 && tokens[from].cls === 'verb' && /ing$/.test(tokens[from].lower) && cs > 0 && depth < 3) {
    return inClause(tokens, cs, clauseStart(tokens, cs, g), g, speaker, depth + 1);
  }
  const k = skipFronted(tokens, from, fi, g);
  // "like 98% of American families", "including 72 percent of …": the figure names its own group.
  if (g.groupIntroducers.has(tokens[fi - 1]?.lower ?? '')) return figureInSubject(tokens, fi, g, opener, cs);
  const v = findVerb(tokens, k, fi, g);
  // "we doubled the child credit": a figure that is the verb has the clause's subject, or its
  // object when the subject is the speaker.
  if (v === fi && tokens[fi].verbal) {
    const pronoun = fi - 1 > k && tokens[fi - 1].cls === 'pron' && g.subjectPronouns.has(tokens[fi - 1].lower);
    const subject = trimPhrase(tokens, pronoun ? fi - 1 : k, fi, g);
    if (!subject) return opener?.cls === 'rel' ? nounBefore(tokens, cs, g) : null;
    return bySubject(tokens, subject, fi + 1, tokens.length, fi, g, speaker);
  }
  // "$2 billion was raised by Initech", "the plant was built by Globex for $300 million": a
  // passive's agent is what the figure is about.
  // (Not for a sum that prices the subject's noun: "The $5 billion project was approved by
  // regulators" is about the project.)
  const agent = v >= 0 && !(v > fi && afterFigure(tokens, fi, g)) ? passiveAgent(tokens, v, g) : null;
  if (agent) return agent;
  // "…, and the other channels for the remaining 42.1%": a clause whose verb is left out after
  // "and" is about the phrase before its preposition.
  if (v < 0 && cs > 0 && tokens[cs - 1].cls === 'conj') {
    const p = tokens.findIndex((t, j) => j > k && j < fi && t.cls === 'prep');
    const gapped = p > 0 && tokens.slice(p + 1, fi).every((t) => t.cls === 'det' || t.cls === 'adj') ? trimPhrase(tokens, k, p, g) : null;
    if (gapped) return refine(tokens, gapped.from, gapped.to, 'clause-subject', g);
  }
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
  // ("the three main channels accounted for 29.5%": a number after "the" only says which.)
  // ("Hooli, which has 12,000 employees, will cut 10%": a figure in a relative clause is not.)
  const relative = tokens.slice(k, v).findIndex((t) => t.cls === 'rel');
  // ("The average 30-year fixed rate climbed to 7.8%": a figure written as an adjective only says
  // which.)
  if (tokens.slice(k, relative >= 0 ? k + relative : v).some((t, j) => t.cls === 'fig' && tokens[k + j - 1]?.lower !== 'the' && !/\d-\p{L}+$/u.test(t.text))) return figureInSubject(tokens, fi, g, opener, cs);
  let vEnd = v;
  while (vEnd + 1 < fi && (tokens[vEnd + 1].cls === 'verb' || tokens[vEnd + 1].cls === 'adv' || tokens[vEnd + 1].cls === 'to')) vEnd++;
  const verbWords = tokens.slice(v, vEnd + 1).map((t) => t.lower);
  if (tokens[k]?.lower === 'there' && v === k + 1) return afterFigure(tokens, fi, g) ?? countedNoun(tokens, fi);
  // "Our goal is to give 80% of voters …": a subject whose verb is "is to" names a plan, not
  // what the figure is about.
  const plan = verbWords.length > 2 && g.passiveAuxiliaries.has(verbWords[0]) && verbWords[1] === 'to';
  // "After the flight I paid …": a pronoun right before the verb is its subject; the words before
  // it are a fronted phrase the comma was left out of.
  const pronounSubject = v - 1 > k && tokens[v - 1].cls === 'pron' && g.subjectPronouns.has(tokens[v - 1].lower) && !comma(tokens[v - 2]);
  const subject = plan ? null : trimPhrase(tokens, pronounSubject ? v - 1 : k, v, g);
  // "We will double our exports": the figure is the verb after its auxiliaries.
  if (tokens[fi].verbal && vEnd + 1 === fi) {
    if (subject) return bySubject(tokens, subject, fi + 1, tokens.length, fi, g, speaker);
    return opener?.cls === 'rel' && cs > 0 ? nounBefore(tokens, cs, g) : null;
  }
  // "an Act that economists said would create 1 million jobs": what was said is about the noun
  // the relative clause hangs on.
  const said = verbWords.findIndex((w) => g.speechVerbs.has(w));
  if (opener?.cls === 'rel' && cs > 0 && said >= 0 && said < verbWords.length - 1 && tokens[v + said + 1]?.cls === 'verb') {
    const noun = nounBefore(tokens, cs, g);
    if (noun) return noun;
  }
  // "Analysts said (that) the firm's revenue rose 10%": the figure is in what was said.
  // ("are expected to fall 5%" is no report: the speech verb must end its verb group.)
  if (g.speechVerbs.has(verbWords[verbWords.length - 1]) && segmentHasVerb(tokens, vEnd + 1) && depth < 3) {
    let start = vEnd + 1;
    if (g.objectPronouns.has(tokens[start]?.lower ?? '')) start++;
    // "told analysts the company would …", "told the BBC (that) …": past the listener.
    else if (g.listenerVerbs.has(tokens[vEnd].lower)) start = listenerEnd(tokens, start);
    if (tokens[start]?.lower === 'that') start++;
    // (The reported clause's verb is before the figure or right after it, in its own stretch:
    // "reported a profit of $1.4 billion, up 35%, as demand pushed fares higher" reports no
    // clause; "pushed" is another clause's verb.)
    const stop = tokens.findIndex((t, j) => j >= fi && (comma(t) || hardBreak(t)));
    const stretch = tokens.slice(fi, stop < 0 ? tokens.length : stop + 1);
    if (tokens.slice(start, fi + 1).some((t) => t.cls === 'verb' || t.verbal) || stretch.some((t) => finite(t))) {
      // ("Globex, which expects data-center revenue to grow 60%": the relative pronoun's noun speaks.)
      const antecedent = !subject && opener?.cls === 'rel' && cs > 0 ? nounBefore(tokens, cs, g)?.span ?? null : null;
      const inner = inClause(tokens, fi, start, g, subject ? span(tokens, subject.from, subject.to) : antecedent ?? speaker, depth + 1);
      // "an Act that economists said would create 1 million jobs": the relative clause's noun.
      if (!inner && opener?.cls === 'rel' && cs > 0 && !findSubjectBetween(tokens, start, fi, g)) return nounBefore(tokens, cs, g);
      return inner;
    }
  }
  // "lifting the minimum wage to $10.10", "cut the bureaucracy by 100,000 positions", "values the
  // company at $12 billion": the figure is the new value of, the change in, or the value of the
  // object of the verb nearest before it.
  const changeVerb = lastVerb(tokens, vEnd, fi - 1, g);
  // "Regulators approved a $3 billion dam": a sum between a determiner and the object of an
  // approval or announcement is that object's price (a measure there, "a $1.2 billion budget",
  // stays the subject's).
  // (A headline leaves out the "a": "City approves $2.3 billion stadium deal".)
  const pricedAt = tokens[fi - 1]?.cls === 'det' ? fi - 2 : fi - 1;
  if (tokens[fi].kind === 'money' && changeVerb === pricedAt && g.pricedObjectVerbs.has(tokens[changeVerb].lower)) {
    const priced = afterFigure(tokens, fi, g);
    const head = priced && tokens.filter((t) => t.start >= priced.span.start && t.end <= priced.span.end).pop();
    if (priced && head && !g.metricHeads.has(head.lower)) return priced;
  }
  const valued = tokens[fi - 1]?.lower === 'at' && g.valuationVerbs.has(tokens[changeVerb]?.lower ?? '');
  if ((tokens[fi - 1]?.cls === 'to' || tokens[fi - 1]?.lower === 'by' || valued) && nounish(tokens[fi - 2]) && fi - 2 > vEnd && !g.auxiliaries.has(tokens[changeVerb].lower)) {
    const object = objectOf(tokens, changeVerb + 1, fi - 1, g);
    // "The bank cut its forecast to 1.5%": the object's "its" or "their" is the clause's subject
    // when the subject is a noun phrase of its own.
    // So is a bare measure's: "The UK aims to cut emissions by 68%" → UK, metric emissions.
    // And a relative change (a percent, a fraction, a multiple) is its agent's: "The drug cut heart
    // attack risk by 20%" → drug. A new level ("lifting the minimum wage to $10.10") and a sum
    // added ("bumped up our $80 bill by $12") stay the object's.
    const relative = tokens[fi].kind === 'percent' || tokens[fi].kind === 'ratio' || tokens[fi].kind === 'multiplier';
    const changedBy = tokens[fi - 1]?.lower === 'by' && relative && !!object && !object.pronoun;
    const own = (object?.pronoun || object?.unowned === 'bare' || changedBy) && subject && tokens[subject.from].cls !== 'pron' ? refine(tokens, subject.from, subject.to, 'clause-subject', g) : null;
    // (What an agent changed by an amount is the metric: "heart attack risk".)
    const changed = changedBy ? tokens.filter((t) => t.start >= object!.span.start && t.end <= object!.span.end).map((t) => t.lower).join(' ') : null;
    if (own && !own.pronoun) return { ...own, metric: object!.metric ?? own.metric ?? changed, speaker };
    // ("We expect to grow revenue by 20%": the object of whoever "we" are.)
    if (object) return subject && subject.to - subject.from === 1 && tokens[subject.from].lower === 'we' ? { ...object, we: true } : object;
  }
  // "…, valuing it at $3 billion": what "it" stands for is valued (the caller resolves it).
  if (valued && fi - 2 === changeVerb + 1 && tokens[fi - 2].cls === 'pron' && g.thirdPersonPronouns.has(tokens[fi - 2].lower) && !g.possessivePronouns.has(tokens[fi - 2].lower)) {
    return { span: span(tokens, fi - 2, fi - 1), via: 'object', metric: null, pronoun: true, speaker };
  }
  // A clause with no subject of its own is about what the figure prices, the noun a relative
  // clause hangs on, the figure's "of" complement ("…: to replace 75 percent of our oil
  // imports") or whom it is paid to.
  if (!subject) return afterFigure(tokens, fi, g) ?? (opener?.cls === 'rel' && cs > 0 ? nounBefore(tokens, cs, g) : null) ?? ofComplement(tokens, fi, g) ?? payment(tokens, fi, g);
  return bySubject(tokens, subject, vEnd + 1, fi, fi, g, speaker);
}

/** A sum paid: "requiring contractors to pay their staff a wage of $12" → the payer named before
 * "to"; "fined the bank £42 million" → the bank; "paid the driver $40" → whom it was paid to (the caller takes that one only when the
 * clause names no payer of its own, or names the writer). */
function payment(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  if (tokens[fi].kind !== 'money') return null;
  for (let p = fi - 1; p >= Math.max(0, fi - 10); p--) {
    const t = tokens[p];
    if (comma(t) || hardBreak(t) || t.cls === 'sub' || t.cls === 'rel' || t.cls === 'fig') return null;
    // ("pay their staff a wage": a "verb" after a determiner is a noun the tagger misread.)
    if (t.cls !== 'verb' || tokens[p - 1]?.cls === 'det') continue;
    // "fined the bank £42 million": whom a fine or charge names is the payer.
    if (g.chargeVerbs.has(t.lower) && p + 1 < fi && tokens.slice(p + 1, fi).every((u) => nounish(u))) {
      const payer = trimPhrase(tokens, p + 1, fi, g);
      if (payer) return refine(tokens, payer.from, payer.to, 'payer', g);
    }
    if (!g.paymentVerbs.has(t.lower)) return null;
    if (tokens[p - 1]?.cls === 'to' && tokens[p - 2]?.cls === 'noun') {
      let a = p - 2;
      while (a > 0 && nounish(tokens[a - 1]) && !comma(tokens[a - 1])) a--;
      const payer = trimPhrase(tokens, a, p - 1, g);
      if (payer) return refine(tokens, payer.from, payer.to, 'payer', g);
    }
    if (p + 1 < fi && tokens.slice(p + 1, fi).every((u) => nounish(u) && !g.particles.has(u.lower))) {
      const recipient = trimPhrase(tokens, p + 1, fi, g);
      if (recipient) return refine(tokens, recipient.from, recipient.to, 'recipient', g);
    }
    return null;
  }
  return null;
}

/** Where the verb group at `v` ends when it is passive ("was raised", "have been cancelled"), the
 * index of its last verb; else -1. */
function passiveGroupEnd(tokens: Token[], v: number, g: GrammarRules): number {
  let end = v;
  while (tokens[end + 1] && (tokens[end + 1].cls === 'verb' || tokens[end + 1].cls === 'adv')) end++;
  const group = tokens.slice(v, end + 1).filter((t) => t.cls === 'verb');
  const last = group[group.length - 1];
  const passive = group.length >= 2 && group.slice(0, -1).some((t) => g.passiveAuxiliaries.has(t.lower)) && (last.tags.has('PastTense') || last.tags.has('Participle'));
  return passive ? tokens.lastIndexOf(last, end) : -1;
}

/** "was raised by Initech": the noun phrase after "by" when the verb group at `v` is passive. */
function passiveAgent(tokens: Token[], v: number, g: GrammarRules): StructuralSubject | null {
  const end = passiveGroupEnd(tokens, v, g);
  // "is estimated at $1.3 billion by Forbes", "was reported by Reuters": the agent of a speech
  // verb is who says so, a source, not what the figure is about.
  if (end < 0 || g.speechVerbs.has(tokens[end].lower)) return null;
  for (let k = end + 1; k < Math.min(tokens.length, end + 8); k++) {
    if (tokens[k].lower === 'by' && nounish(tokens[k + 1]) && tokens[k + 1].cls !== 'fig') {
      const phrase = trimPhrase(tokens, k + 1, nameEnd(tokens, k + 1, phraseEnd(tokens, k + 1, g), g), g);
      return phrase ? refine(tokens, phrase.from, phrase.to, 'passive-agent', g) : null;
    }
    if (comma(tokens[k]) || hardBreak(tokens[k]) || tokens[k].cls === 'verb' || tokens[k].cls === 'sub' || tokens[k].cls === 'rel') break;
  }
  return null;
}

/** "built by Harrowgate Homes in Leeds": a name is whole before a preposition of place that
 * follows it; where the agent acted is said of the verb, not part of the agent's name (a common
 * noun keeps it: "a developer in Leeds"). */
function nameEnd(tokens: Token[], from: number, end: number, g: GrammarRules): number {
  let k = from;
  while (k < end && /^\p{Lu}/u.test(tokens[k].text) && tokens[k].cls !== 'det') k++;
  return k > from && k < end && g.namePlacePrepositions.has(tokens[k].lower) && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') ? k : end;
}

/** The subject phrase decides: a pronoun for the speaker or reader hands over to the object, a
 * third-person pronoun is left to the caller to resolve. */
function bySubject(tokens: Token[], subject: { from: number; to: number }, objectFrom: number, objectTo: number, fi: number, g: GrammarRules, speaker: Span | null): StructuralSubject | null {
  const first = tokens[subject.from];
  const paid = payment(tokens, fi, g);
  if (paid?.via === 'payer') return paid;
  if (subject.to - subject.from === 1 && (first.cls === 'pron' || g.personalPronouns.has(first.lower))) {
    if (g.personalPronouns.has(first.lower)) {
      const found = paid ?? afterFigure(tokens, fi, g) ?? objectOf(tokens, lastVerb(tokens, objectFrom - 1, Math.min(objectTo, fi), g) + 1, objectTo, g);
      // "I lost 70 pounds", "I have 3 bikes": the writer's own weight, score, belongings.
      const verb = tokens.slice(subject.to, fi).find((t) => t.cls === 'verb' && !g.auxiliaries.has(t.lower));
      // ("We expect to grow revenue by 20%," the company said: whose "we" is the speaker's.)
      if (first.lower === 'we') return found ? { ...found, we: true } : { span: span(tokens, subject.from, subject.to), via: 'clause-subject', metric: null, pronoun: false, speaker, we: true, unnamed: true };
      if (found || first.lower !== 'i' || !verb || !g.personalVerbs.has(verb.lower)) return found;
      return { span: span(tokens, subject.from, subject.to), via: 'clause-subject', metric: null, pronoun: false, speaker, personal: true };
    }
    if (g.thirdPersonPronouns.has(first.lower)) return { span: span(tokens, subject.from, subject.to), via: 'clause-subject', metric: null, pronoun: true, speaker, alternative: afterFigure(tokens, fi, g) };
    return null;
  }
  const found = refine(tokens, subject.from, subject.to, 'clause-subject', g);
  return found ? { ...found, speaker } : null;
}

/** A figure inside the subject: "40% of voters", "$7 draft beers", "$2 for an egg", "4 million
 * children (lived …)"; a share with its group left out ("while over 90 per cent operated …")
 * shares the group of the share before it. */
function figureInSubject(tokens: Token[], fi: number, g: GrammarRules, opener: Token | null, cs: number): StructuralSubject | null {
  const of = ofComplement(tokens, fi, g);
  if (of) return of;
  // "The Pentagon's budget request of $842 billion includes …": the figure is the value of the
  // measure before it, and that measure's owner is what it is about.
  if (tokens[fi - 1]?.lower === 'of' && tokens[fi - 2]?.cls === 'noun') {
    let a = fi - 2;
    while (a > 0 && nounish(tokens[a - 1]) && !comma(tokens[a - 1]) && !hardBreak(tokens[a - 1])) a--;
    const measure = trimPhrase(tokens, a, fi - 1, g);
    const owner = measure && refine(tokens, measure.from, measure.to, 'possessive-owner', g);
    if (owner && owner.via === 'possessive-owner' && owner.span.end < tokens[fi - 2].start) return owner;
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
      if (group) return sameAs(group);
    }
  }
  // "4.0 million children lived …": a count that is the clause's subject is about what it counts.
  let n = fi + 1;
  if (comma(tokens[fi])) { while (n < tokens.length && !comma(tokens[n])) n++; n++; }
  // "10 million children under 12 still live …": the age or threshold that says which belongs to
  // what is counted.
  const descriptor = !comma(tokens[fi]) && n === fi + 1 ? descriptorEnd(tokens, n, g) : n;
  const described = descriptor > n;
  n = descriptor;
  // ("still live", "now earn": an adverb the tagger read as an adjective, right before the verb.)
  while (tokens[n]?.cls === 'adv' || (tokens[n]?.cls === 'adj' && tokens[n + 1]?.cls === 'verb')) n++;
  // A count with no verb after it ("… pay less than millions of middle-class households") is about
  // what it counts too.
  if (kind === 'count' && (tokens[n]?.cls === 'verb' || tokens[n]?.lower === 'to' || n >= tokens.length || hardBreak(tokens[n - 1]))) {
    const counted = countedNoun(tokens, fi);
    return counted && described ? { ...counted, descriptor: span(tokens, fi + 1, descriptor) } : counted;
  }
  return null;
}

/** "40% of voters", "$5 worth of toppings": the figure's "of" complement. */
function ofComplement(tokens: Token[], fi: number, g: GrammarRules): StructuralSubject | null {
  let k = fi + 1;
  if (tokens[k]?.lower === 'worth' || tokens[k]?.lower === 'each') k++;
  if (tokens[k]?.lower !== 'of' || comma(tokens[fi])) return null;
  // "half of the 1,200 respondents": a share of a counted group is about what it counts.
  const group = tokens[k + 1]?.cls === 'det' && tokens[k + 2]?.cls === 'fig' ? countedNoun(tokens, k + 2) : null;
  if (group) return { ...group, via: 'of-complement' };
  const phrase = trimPhrase(tokens, k + 1, phraseEnd(tokens, k + 1, g), g);
  // ("fell to 8% of the total": a share of the whole names no group; the clause says whose.)
  if (phrase && phrase.to - phrase.from === 1 && g.wholeWords.has(tokens[phrase.from].lower)) return null;
  return phrase && refine(tokens, phrase.from, phrase.to, 'of-complement', g);
}

/** Whether a noun or pronoun stands between `from` and the figure (a clause's own subject). */
function findSubjectBetween(tokens: Token[], from: number, fi: number, g: GrammarRules): boolean {
  return tokens.slice(from, fi).some((t) => t.cls === 'noun' || (t.cls === 'pron' && !g.objectPronouns.has(t.lower)));
}
