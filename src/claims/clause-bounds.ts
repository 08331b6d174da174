/**
 * Where a figure's clause starts and where its verb is, over the tokens of clause.ts: clause
 * breaks (semicolons, subordinators, relative pronouns, "and" or a comma before a new subject and
 * verb, dashes before a verb of their own), fronted phrases before a subject, and the verb past
 * relative clauses and parentheses.
 */
import type { GrammarRules, Token } from './clause.js';

export const comma = (t: Token | undefined) => !!t && /,/.test(t.post);
export const hardBreak = (t: Token | undefined) => !!t && /[;:]/.test(t.post);
/** A dash, or a hyphen with a space on either side ("irish fare- shepherd's pie"). */
export const dash = (t: Token | undefined) => !!t && /[–—]|-\s|\s-/.test(t.post);
export const opensParen = (t: Token | undefined) => !!t && t.pre.includes('(');
/** A verb that can head a clause: not "-ing" forms ("adding"). */
export const finite = (t: Token) => (t.cls === 'verb' && !t.tags.has('Gerund') && !/ing$/.test(t.lower)) || !!t.verbal;
export const nounish = (t: Token | undefined) => !!t && (t.cls === 'noun' || t.cls === 'adj' || t.cls === 'det');

/** Index of the first token of the clause that holds token `fi`. */
export function clauseStart(tokens: Token[], fi: number, g: GrammarRules): number {
  for (let j = fi; j > 0; j--) {
    const prev = tokens[j - 1];
    if (hardBreak(prev)) return j;
    // A dash opens a clause only when what follows it has a verb of its own; else it is an aside
    // ("revenue per user—sometimes up to $2,000 per month—") that belongs to the clause around it.
    if (dash(prev) && segmentHasVerb(tokens, j)) return j;
    // "Analysts expect the drug, if approved, to generate …": a verbless aside set off by commas
    // ("if approved", "once built") is no clause of its own; the clause goes on around it.
    // (The extra step skips the comma before the aside too: it opens no clause either.)
    if (prev.cls === 'sub' && g.asideSubordinators.has(prev.lower) && j > 1 && comma(tokens[j - 2]) && verblessAside(tokens, j, fi)) { j--; continue; }
    // "If OpenAI can deliver …, it stands to …": a fronted subordinate clause ends at the comma
    // before the main clause's subject and verb.
    if (prev.cls === 'sub') return mainClauseAfter(tokens, j, fi) ?? j - 1;
    // ("The number of grants, which confers residence, was 154,700": a relative clause closed by a
    // comma before the figure is not the figure's clause.)
    if (prev.cls === 'rel' && !(comma(tokens[j - 2]) && tokens.slice(j, fi).some((t) => comma(t)))) return j - 1;
    // "compared to OpenAI's model at $20", "unlike Meta": a new subject for what follows.
    if ((prev.cls === 'to' && g.comparisonVerbs.has(tokens[j - 2]?.lower ?? '')) || g.comparisons.has(prev.lower)) return j;
    // "…, and the three channels accounted for 29.5%", "…, lead levels … has been cut by 70%":
    // a new subject and verb after "and" or a comma open a new clause; "… employs 41,000 people
    // and has a turnover of £6 billion" shares its subject.
    if ((prev.cls === 'conj' || comma(prev)) && newClauseBetween(tokens, j, fi) && clauseBefore(tokens, j - 1)) return j;
  }
  return 0;
}

/** A subject (noun or pronoun) then a finite verb, or a gapped clause ("and the other channels
 * for the remaining 42.1%"), between `from` and the figure. */
export function newClauseBetween(tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from];
  if (!first || first.cls === 'verb' || first.cls === 'adv' || first.cls === 'prep' || first.cls === 'fig' || first.cls === 'to') return false;
  let sawNoun = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if ((t.cls === 'verb' || t.verbal) && finite(t)) return sawNoun;
    if (t.cls === 'noun' || t.cls === 'pron') sawNoun = true;
    if ((t.cls === 'fig' && !t.verbal) || comma(t) || t.cls === 'rel' || t.cls === 'sub') return false;
  }
  // ", toxic emissions cut in half": the figure is the new clause's verb.
  if (sawNoun && tokens[to]?.verbal) return true;
  // No verb: "and the other channels for (the remaining) 42.1%" repeats the previous clause's verb.
  let p = to - 1;
  while (p > from && (tokens[p].cls === 'det' || tokens[p].cls === 'adj')) p--;
  // ("A accounted for 28%, and B for 30%": the clause before ends in its figure, or the figure's
  // "of" phrase: "30% of trips, and buses for …".)
  const before = tokens.slice(Math.max(0, from - 6), from - 1);
  const endsInFigure = tokens[from - 2]?.cls === 'fig' || (before.some((t) => t.cls === 'fig') && before.some((t) => t.lower === 'of') && comma(tokens[from - 2]));
  return sawNoun && tokens[p]?.cls === 'prep' && tokens[p].lower !== 'of' && tokens[from - 1]?.cls === 'conj' && endsInFigure;
}

/** A finite verb before `at` in the same stretch of the sentence: only then do "and" or a comma
 * join two clauses ("Michelle and Jill Biden have worked …" is one subject). */
export function clauseBefore(tokens: Token[], at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    if (hardBreak(tokens[k]) || tokens[k].cls === 'sub' || tokens[k].cls === 'rel') return false;
    if (finite(tokens[k])) return true;
  }
  return false;
}

export function segmentHasVerb(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    if (finite(tokens[k])) return true;
    if (dash(tokens[k]) || hardBreak(tokens[k])) return false;
  }
  return false;
}

/** From `from` to the next comma before the figure, at most four words and no finite verb: an
 * aside such as "if approved", "once completed". */
function verblessAside(tokens: Token[], from: number, fi: number): boolean {
  for (let k = from; k < fi && k - from < 4; k++) {
    if (finite(tokens[k]) && !tokens[k].tags.has('Participle') && !tokens[k].tags.has('PastTense')) return false;
    if (comma(tokens[k])) return true;
  }
  return false;
}

/** After a subordinate clause opened at `from`, the first comma followed by a subject and a
 * finite verb before the figure: the start of the main clause. */
export function mainClauseAfter(tokens: Token[], from: number, fi: number): number | null {
  for (let k = from; k < fi; k++) {
    if (!comma(tokens[k])) continue;
    // The subject may be or hold the figure itself: ", a quarter of all millionaires pay …".
    let j = k + 1;
    while (j < tokens.length && (nounish(tokens[j]) || tokens[j].cls === 'pron' || (tokens[j].cls === 'fig' && !tokens[j].verbal) || (tokens[j].lower === 'of' && j > k + 1))) j++;
    if (j > k + 1 && j < tokens.length && finite(tokens[j])) return k + 1;
  }
  return null;
}

/** The clause's verb from `k` on: the first finite verb, past a relative clause set off by commas
 * ("The campaign, which was launched in May, has raised £100,000"), a parenthesis, and a reduced
 * relative clause ("the tax relief you passed has left …"). */
export function findVerb(tokens: Token[], k: number, fi: number, g: GrammarRules): number {
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
    // (Only when a verb follows for the noun: "After the flight I paid the driver $40" has none.)
    if (i > k && t.cls === 'pron' && !g.thirdPersonPronouns.has(t.lower) && tokens[i - 1]?.cls === 'noun' && !comma(tokens[i - 1]) && tokens[i + 1]?.cls === 'verb' &&
      tokens.slice(i + 2, Math.max(fi, i + 2)).some((u) => finite(u) && !comma(tokens[i + 1]))) { i++; continue; }
    // "The council that runs the port collected £3 million": past the relative clause to the
    // main verb, when there is one before the figure.
    if (t.cls === 'rel' && i > k && tokens[i - 1]?.cls === 'noun' && tokens[i + 1]?.cls === 'verb') {
      let j = i + 2;
      while (j < fi && (nounish(tokens[j]) || tokens[j].cls === 'prep')) j++;
      if (j < fi && finite(tokens[j])) { i = j - 1; continue; }
    }
    // "A new study published in Nature estimates …": a participle right after a noun, with a verb
    // of the clause still to come before the figure, is a reduced relative clause.
    if (t.cls === 'verb' && i > k && /ed$/.test(t.lower) && tokens[i - 1]?.cls === 'noun' && tokens[i + 1]?.cls === 'prep') {
      let j = i + 1;
      while (j < fi && (nounish(tokens[j]) || tokens[j].cls === 'prep')) j++;
      if (j < fi && finite(tokens[j]) && j > i + 2) { i = j - 1; continue; }
    }
    if ((t.cls === 'verb' && finite(t)) || t.verbal || (t.cls === 'to' && tokens[i + 1]?.cls === 'verb' && i > k)) return i;
  }
  return -1;
}

/** The last verb (or "to" of an infinitive) between `from` and `to`: "I challenge Congress to
 * provide a $1,000 scholarship" → provide. */
export function lastVerb(tokens: Token[], from: number, to: number, g: GrammarRules): number {
  // Only a verb that starts a new verb phrase counts: after "to", "and" or a comma ("challenge
  // Congress to provide", "expand work-study and help"), not a noun the tagger took for a verb.
  for (let i = to - 1; i > from; i--) {
    const t = tokens[i], before = tokens[i - 1];
    const opens = before.cls === 'to' || before.cls === 'conj' || /,/.test(before.post) || (before.cls === 'prep' && /ing$/.test(t.lower));
    if (t.cls === 'verb' && !g.auxiliaries.has(t.lower) && opens) return i;
  }
  return from;
}

/** Past what comes before a clause's subject: "In 1993", "At the time of his death,",
 * "Completed in 1345,", "Collectively", "And yet,", "Tonight,". */
export function skipFronted(tokens: Token[], from: number, fi: number, g: GrammarRules): number {
  let k = from;
  // "Beyond the U.S., Europe has …", "Tonight, our partnership includes …": a short phrase with no
  // verb of its own, closed by a comma before a subject and its verb.
  const close = tokens.findIndex((u, j) => j >= k && j < fi && j - k <= 8 && comma(u));
  const opensNoun = tokens[k] && (tokens[k].cls === 'det' || tokens[k].cls === 'pron' || (tokens[k].cls === 'noun' && !tokens[k].tags.has('Date')));
  // "A Lisbon lawyer since 1989, Ana Costa was named …": an indefinite phrase before a name and
  // its verb is an apposition to that name.
  const apposition = close >= 0 && (tokens[k].lower === 'a' || tokens[k].lower === 'an') && (/^\p{Lu}/u.test(tokens[close + 1]?.text ?? '') || tokens[close + 1]?.cls === 'pron');
  // "A year ago, the city spent …", "Two weeks later, …": a time before the comma.
  // ("Each year, air pollution causes …", "Last month, …": a short phrase ending in a time word.)
  const time = close >= 0 && (g.timeAfterWords.has(tokens[close].lower) || (close - k <= 2 && (tokens[close].tags.has('Date') || tokens[close].tags.has('Duration'))));
  if (close >= 0 && (!opensNoun || apposition || time) && !tokens.slice(k + 1, close + 1).some((u) => finite(u) && !u.tags.has('Participle'))) {
    let j = close + 1;
    while (j < tokens.length && (nounish(tokens[j]) || tokens[j].cls === 'pron') && !comma(tokens[j])) j++;
    if (j > close + 1 && tokens[j] && finite(tokens[j]) && !tokens[j].verbal) k = close + 1;
  }
  for (let guard = 0; guard < 4 && k < fi; guard++) {
    const t = tokens[k];
    if (t.cls === 'adv' || t.cls === 'conj' || (t.tags.has('Date') && comma(t))) { k++; continue; }
    if (t.cls === 'prep') {
      // The preposition and its noun ("In 1993", "In that year", "Between 2009 and 2013"), up to a
      // year or a comma.
      let j = k + 1;
      while (j < fi && (nounish(tokens[j]) || (tokens[j].cls === 'conj' && nounish(tokens[j + 1]))) && j - k <= 4) {
        j++;
        // (A year read as a figure ends the phrase too: "Since 2015 the deficit has been cut".)
        if (comma(tokens[j - 1]) || ((tokens[j - 1].tags.has('Value') || tokens[j - 1].kind === 'date') && tokens[j]?.cls !== 'conj')) break;
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
