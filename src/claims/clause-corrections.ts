/**
 * Where compromise's part-of-speech tags are known to mislead the clause parse, corrected in place
 * over the word classes of clause.ts: names the tagger reads as verbs ("the Welfare to Work
 * Partnership", "Spotify now has"), nouns it reads as verbs ("House prices in London are …", "$10
 * cover"), modifiers ("federally-funded employees", "rental housing units"), relative clauses it
 * misses, and figure verbs it reads as nouns ("revenue rose 10%"). Each correction names the
 * construction it is for.
 */
import type { GrammarRules, Token } from './clause.js';
import { isEnglishWord, isListedWord } from '../normalize/english-lexicon.js';
import { mayBeVerb } from './count-checks.js';
import { nounOrVerb } from './nlp.js';

/** Corrects the word classes of `out` (one sentence's tokens) in place. */
export function correctClasses(out: Token[], g: GrammarRules): void {
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
  // tagger made of its ending; so does a capitalized "-ly" word no dictionary lists ("Streamly
  // tops 300 million subscribers": a brand, not an adverb).
  for (const w of out) if (w.cls === 'verb' && /^\p{Lu}/u.test(w.text) && !g.auxiliaries.has(w.lower) && !isEnglishWord(w.lower)) w.cls = 'noun';
  for (const w of out) if (w.cls === 'adv' && /^\p{Lu}\p{Ll}*ly$/u.test(w.text) && !isListedWord(w.lower)) w.cls = 'noun';
  // "built by Harrowgate Homes": after a preposition, a capitalized "verb" (not a gerund) before a
  // capitalized noun opens a name; no finite verb follows a preposition.
  for (let i = 1; i + 1 < out.length; i++) {
    const w = out[i];
    if (w.cls === 'verb' && out[i - 1].cls === 'prep' && /^\p{Lu}/u.test(w.text) && !/ing$/.test(w.lower) && !g.auxiliaries.has(w.lower) && out[i + 1].cls === 'noun' && /^\p{Lu}/u.test(out[i + 1].text) && !/[,;:]/.test(out[i - 1].post + w.post)) w.cls = 'noun';
  }
  // "a sales tax extension is expected to …": between two nouns of a phrase opened by a determiner,
  // before the clause's verb, a present-tense "verb" is a noun of the compound.
  for (let i = 2; i + 2 < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'verb' || g.auxiliaries.has(w.lower) || w.tags.has('PastTense') || /ing$/.test(w.lower) || out[i - 1].cls !== 'noun' || out[i + 1].cls !== 'noun' || out[i - 2].cls !== 'det') continue;
    if (/[,;:(]/.test(out[i - 1].post + w.post + out[i + 1].post)) continue;
    if (out[i + 2].cls === 'verb' && !out[i + 2].tags.has('Gerund')) w.cls = 'noun';
  }
  // "…, adding that Spotify holds a 56% share": "that" after a participle set off by a comma opens
  // the clause the participle reports.
  for (let i = 2; i < out.length; i++) {
    if (out[i].lower === 'that' && out[i].cls === 'det' && out[i - 1].cls === 'verb' && /ing$/.test(out[i - 1].lower) && /,/.test(out[i - 2].post)) out[i].cls = 'sub';
  }
  // "the stock market that has doubled": "that" right after a noun opens a relative clause,
  // whatever the tagger said.
  for (let i = 1; i < out.length; i++) {
    if (out[i].lower === 'that' && out[i].cls === 'det' && (out[i - 1].cls === 'noun' || out[i - 1].cls === 'fig') && !/[,;:]/.test(out[i - 1].post)) out[i].cls = 'rel';
  }
  // "the housing budget", "a rented flat", "price of detached homes", "tuition at state colleges":
  // between a determiner, a preposition or a figure used as an adjective and a noun, a verb form is
  // an adjective (no finite verb follows a preposition).
  for (let i = 1; i + 1 < out.length; i++) {
    const w = out[i], before = out[i - 1];
    // (Or a figure written as an adjective: "the average 30-year fixed rate".)
    const numberAdjective = (before.cls === 'fig' && /\d-\p{L}+$/u.test(before.text)) || (i > 1 && out[i - 2].post === '-' && /^\d/.test(out[i - 2].text));
    const opens = (before.cls === 'det' && !g.relativePronouns.has(before.lower)) || before.cls === 'prep' || numberAdjective;
    if (w.cls === 'verb' && !g.auxiliaries.has(w.lower) && opens && out[i + 1].cls === 'noun' && !/[,;:]/.test(before.post + w.post)) w.cls = 'adj';
  }
  // "a policy that stops giving $4 billion", "a firm which owns 12 plants": a present-tense "-s"
  // word right after a relative pronoun is the relative clause's verb.
  for (let i = 1; i + 1 < out.length; i++) {
    if (out[i - 1].cls === 'rel' && out[i].cls === 'noun' && /[a-z]s$/.test(out[i].lower) && !out[i].tags.has('ProperNoun') && ['verb', 'det', 'fig', 'noun', 'adj'].includes(out[i + 1].cls)) out[i].cls = 'verb';
  }
  // ", lead levels in the blood have fallen", "…, and interest payments are expected to …": a
  // present-tense "verb" that opens a clause (after a comma, or a comma and "and"), with a noun
  // after it and a verb of the clause still to come, is the first noun of the subject.
  for (let i = 0; i + 1 < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'verb' || g.auxiliaries.has(w.lower) || w.tags.has('PastTense') || /ing$/.test(w.lower)) continue;
    const opens = i === 0 || /[,;:]/.test(out[i - 1].post) || (out[i - 1].cls === 'conj' && i > 1 && /[,;:]/.test(out[i - 2].post));
    if (!opens) continue;
    if (out[i + 1].cls !== 'noun') continue;
    for (let j = i + 2; j < out.length && !/[,;:]/.test(out[j - 1].post); j++) {
      if (out[j].cls === 'verb' && (g.auxiliaries.has(out[j].lower) || out[j].tags.has('PastTense'))) { w.cls = 'noun'; break; }
    }
  }
  // "Damage to farms could exceed €600 million", "Imports of gas to the EU fell to 8%": a word that
  // can be a noun (or names a measure), opening the sentence before a preposition, a short noun
  // phrase and an auxiliary or a figure verb, is the subject's head, not an imperative (the tagger
  // read "farms" as a verb too).
  const opener = out[0];
  if (opener?.cls === 'verb' && (nounOrVerb(opener.lower) || g.metricHeads.has(opener.lower)) && !opener.post.trim() && (out[1]?.cls === 'prep' || out[1]?.cls === 'to')) {
    const inPhrase = (t: Token) => t.cls === 'noun' || t.cls === 'adj' || t.cls === 'det' || t.cls === 'prep' || t.cls === 'to' ||
      (t.cls === 'verb' && (/[a-z]s$/.test(t.lower) || nounOrVerb(t.lower)) && !g.auxiliaries.has(t.lower) && !g.figureVerbs.has(t.lower));
    let j = 2;
    while (j < Math.min(out.length, 9) && inPhrase(out[j]) && !out[j].post.trim()) j++;
    // ("Shares in BP, which reported a drop in profit, fell 4%": past a relative clause.)
    let npEnd = j;
    if (j < out.length && inPhrase(out[j]) && out[j].post.trim() === ',' && out[j + 1]?.cls === 'rel') {
      npEnd = j + 1;
      let k = j + 2;
      while (k < out.length && !/[;:]/.test(out[k - 1].post) && out[k - 1].post.trim() !== ',') k++;
      if (out[k - 1]?.post.trim() === ',') j = k;
    }
    const ends = out[j] && (g.auxiliaries.has(out[j].lower) || (g.figureVerbs.has(out[j].lower) && out[j].cls === 'verb'));
    if (j > 2 && ends && out[npEnd - 1].cls !== 'prep' && out[npEnd - 1].cls !== 'to') {
      out[0].cls = 'noun';
      for (let k = 2; k < npEnd; k++) if (out[k].cls === 'verb') out[k].cls = 'noun';
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
  // as a verb ("imports", "exports", "sales") is a noun; a verb cannot follow there. Unless it is
  // the only verb of its stretch between commas: "45% of the country's electricity comes from coal".
  for (let i = 2; i < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'verb' || !/[a-z]s$/.test(w.lower) || g.auxiliaries.has(w.lower) || out[i - 1].post.trim()) continue;
    let a = i, b = i;
    while (a > 0 && !/[,;:]/.test(out[a - 1].post)) a--;
    while (b + 1 < out.length && !/[,;:]/.test(out[b].post)) b++;
    if (!out.slice(a, b + 1).some((t) => t !== w && t.cls === 'verb')) continue;
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
  // "The company cut its forecast to 2%", "Acme lowered its outlook": a word the tagger read as a
  // noun, that can be a verb, between the head of a noun phrase and a possessive pronoun is the
  // verb (a noun is not followed by "its" or "their"), when the clause has no verb before it.
  for (let i = 1; i + 1 < out.length; i++) {
    const w = out[i];
    // (The head may be a word the tagger read as an adjective right after "the": "The firm cut its".)
    const head = out[i - 1].cls === 'noun' || (out[i - 1].cls === 'adj' && out[i - 2]?.cls === 'det');
    if (w.cls !== 'noun' || !g.possessivePronouns.has(out[i + 1].lower) || !head || /[,;:(]/.test(out[i - 1].post + w.post)) continue;
    if (/^\p{Lu}/u.test(w.text) || !(nounOrVerb(w.lower) || mayBeVerb(w.lower)) || out.slice(0, i).some((t) => t.cls === 'verb' || t.cls === 'fig')) continue;
    w.cls = 'verb';
  }
  // "would add 150 officers and cut property taxes by 2%": after "and", a word that can be a verb,
  // with a noun phrase and then "by" or "to" and a figure after it, is the second verb of the
  // clause (the tagger read "cut property" as a noun phrase, or "lists" in "cut waiting lists" as
  // the verb).
  for (let i = 2; i + 3 < out.length; i++) {
    const w = out[i];
    const verbLike = (w.cls === 'noun' && nounOrVerb(w.lower)) || (w.cls === 'verb' && !g.auxiliaries.has(w.lower));
    // (Or the sentence's first verb, right after its subject: "The new vaccine cut hospital
    // admissions by 40%".)
    const second = out[i - 1].cls === 'conj' && out.slice(0, i - 1).some((t) => t.cls === 'verb');
    const first = (out[i - 1].cls === 'noun' || out[i - 1].cls === 'adj') && out[i - 2]?.cls !== 'prep' && !out.slice(0, i).some((t) => t.cls === 'verb' || t.cls === 'fig') && !/[,;:(]/.test(out[i - 1].post);
    if (!(second || first) || !verbLike || /^\p{Lu}/u.test(w.text)) continue;
    // (A plural in the object may be read as a verb too: "taxes".)
    const inObject = (t: Token) => t.cls === 'det' || t.cls === 'adj' || t.cls === 'noun' || (t.cls === 'verb' && /[a-z]s$/.test(t.lower) && !g.auxiliaries.has(t.lower));
    let j = i + 1;
    while (j < out.length && inObject(out[j]) && !/[,;:(]/.test(out[j - 1].post)) j++;
    if (j > i + 1 && (out[j]?.lower === 'by' || out[j]?.cls === 'to') && out[j + 1]?.cls === 'fig') {
      w.cls = 'verb';
      for (let k = i + 1; k < j; k++) if (out[k].cls === 'verb') out[k].cls = 'noun';
    }
  }
  // "3.8 million people in Yemen need food aid", "residents of Porto want more parks": after a
  // count or a plural and the place it is in (a preposition and a capitalized name), a word that
  // can be a verb is the clause's verb, when the clause has none before it (the tagger read it as
  // a noun after the name).
  const capital = (t: Token | undefined) => !!t && t.cls === 'noun' && /^\p{Lu}/u.test(t.text);
  for (let i = 3; i < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'noun' || /^\p{Lu}/u.test(w.text) || !capital(out[i - 1]) || /[,;:(]/.test(out[i - 1].post)) continue;
    let j = i - 1;
    while (j > 0 && capital(out[j - 1]) && !out[j - 1].post.trim()) j--;
    const before = out[j - 2];
    if (out[j - 1]?.cls !== 'prep' || !before || !(before.cls === 'fig' || (before.cls === 'noun' && /[a-z]s$/.test(before.lower)))) continue;
    if (!(nounOrVerb(w.lower) || mayBeVerb(w.lower)) || out.slice(0, j).some((t) => t.cls === 'verb')) continue;
    // ("Imports of Russian gas to the EU fell": not when the clause's verb comes later.)
    let k = i + 1;
    while (k < out.length && !/[,;:]/.test(out[k - 1].post) && !(out[k].cls === 'verb' && (g.auxiliaries.has(out[k].lower) || g.figureVerbs.has(out[k].lower)))) k++;
    if (k < out.length && !/[,;:]/.test(out[k - 1].post)) continue;
    w.cls = 'verb';
  }
  // "approved a $3 billion dam on Monday", "reported a 10% drop in sales": after "a"/"the" and a
  // sum or a percent, a word read as a verb that ends its phrase (a preposition, a break or the
  // end follows) is the thing priced or the change; a particle the tagger joined to it as a
  // phrasal verb ("drop in") is the preposition again.
  for (let i = 2; i < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'verb' || (out[i - 1].kind !== 'money' && out[i - 1].kind !== 'percent') || out[i - 2].cls !== 'det' || out[i - 1].post.trim() || g.auxiliaries.has(w.lower)) continue;
    const next = out[i + 1];
    const particle = next?.cls === 'verb' && next.tags.has('Particle') && !/[,;:.]/.test(w.post);
    if (!next || next.cls === 'prep' || particle || /[,;:.]/.test(w.post)) w.cls = 'noun';
    if (particle) next.cls = 'prep';
  }
  // Right to left: a verb found later in the sentence must not turn an earlier one back into a
  // noun ("The council that runs the port collected £3 million").
  for (let i = out.length - 1; i >= 0; i--) correct(out, i, g);
  // "The deficit has been cut by 20%", "rents are being set at $900": right after "been" or
  // "being", a word that can be a verb and ends as a participle does (cut, set, hit, spread,
  // forecast) is the verb, whatever the tagger said ("has been growth" keeps its noun).
  for (let i = 1; i < out.length; i++) {
    const w = out[i], before = out[i - 1];
    if (w.cls === 'noun' && (before.lower === 'been' || before.lower === 'being') && !before.post.trim() && /[tdn]$/.test(w.lower) && (nounOrVerb(w.lower) || mayBeVerb(w.lower))) w.cls = 'verb';
  }
  // "The airline flies to some 120 destinations": a sentence with no verb at all has one the tagger
  // read as a plural noun; the first after a noun that can be a verb, before a preposition or a
  // determiner ("Tesla shares 5% lower" keeps its noun: a figure follows).
  if (!out.some((t) => t.cls === 'verb' || t.verbal)) {
    const i = out.findIndex((t, k) => k > 0 && t.cls === 'noun' && /[a-z]s$/.test(t.lower) && !/^\p{Lu}/u.test(t.text) && out[k - 1].cls === 'noun' && !out[k - 1].post.trim() &&
      ['prep', 'to', 'det'].includes(out[k + 1]?.cls ?? '') && (mayBeVerb(t.lower) || nounOrVerb(t.lower)));
    if (i > 0) out[i].cls = 'verb';
  }
  // "The island, home to 23 million people, produces …": right after an apposition closed by a
  // comma, in a clause with no verb yet, a plural that can be a verb is the clause's verb (a list
  // goes on with another comma or "and").
  for (let i = 2; i + 1 < out.length; i++) {
    const w = out[i];
    if (w.cls !== 'noun' || !/[a-z]s$/.test(w.lower) || /^\p{Lu}/u.test(w.text) || !/,/.test(out[i - 1].post) || /[,;:]/.test(w.post) || out[i + 1].cls === 'conj') continue;
    if (out.slice(0, i).some((t) => t.cls === 'verb') || out.slice(0, i).filter((t) => /,/.test(t.post)).length < 2) continue;
    if (mayBeVerb(w.lower) || nounOrVerb(w.lower)) { w.cls = 'verb'; break; }
  }
  // "Microsoft and Meta plan to spend": a verb that takes "to" + verb, after a noun, is the verb.
  for (let i = 1; i + 2 < out.length; i++) {
    if (g.controlVerbs.has(out[i].lower) && out[i].cls !== 'verb' && out[i + 1].cls === 'to' && out[i + 2].cls === 'verb' && (out[i - 1].cls === 'noun' || out[i - 1].cls === 'adj' || out[i - 1].cls === 'pron')) out[i].cls = 'verb';
  }
}

const opensParenAt = (t: Token) => t.pre.includes('(');

function gerundBeforeNoun(out: Token[], i: number): boolean {
  return out[i].cls === 'verb' && /ing$/.test(out[i].lower) && !out[i].post.trim() && out[i + 1]?.cls === 'noun';
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
  const after = tokens.slice(i + 1, i + 4);
  const next = after.find((n) => n.cls === 'fig' || (n.cls !== 'adv' && !g.figureLeads.has(n.lower)));
  if (!next || !(next.cls === 'fig' || (next.cls === 'det' && !g.possessivePronouns.has(next.lower) && next.lower !== 'that'))) return;
  // ("Chinese exports to the United States fell 7%": a lead word leads a figure; before a
  // determiner it is a preposition, and the word before it a noun.)
  if (next.cls === 'det' && after.indexOf(next) > 0 && g.figureLeads.has(after[after.indexOf(next) - 1].lower)) return;
  // The noun phrase before the verb, back to its start: a present-tense "verb" inside it is a
  // noun the tagger misread ("Tax raid at jeweller's yields"); a past tense, a speech verb or an
  // auxiliary is a real verb and ends the phrase.
  const nounlike = (w: Token) => w.cls === 'noun' || w.cls === 'adj' || w.cls === 'det' || w.cls === 'prep' ||
    (w.cls === 'verb' && !w.tags.has('PastTense') && !w.tags.has('Gerund') && !g.auxiliaries.has(w.lower) && !g.speechVerbs.has(w.lower));
  // ("raised prices by 5% and cut costs by 3%": a verb right after "and", with a verb before it in
  // the sentence, is the second verb of the clause, found before; it ends the phrase too.)
  const coordinated = (k: number) => tokens[k].cls === 'verb' && tokens[k - 1]?.cls === 'conj' && tokens.slice(0, k - 1).some((u) => u.cls === 'verb');
  let j = i - 1;
  while (j >= 0 && !/[,;:(]/.test(tokens[j].post) && nounlike(tokens[j]) && !coordinated(j)) j--;
  const phrase = tokens.slice(j + 1, i);
  if (phrase.length === 0 && tokens[j]?.cls !== 'pron' && tokens[j]?.cls !== 'fig' && tokens[j]?.cls !== 'rel') return;
  for (const w of phrase) if (w.cls === 'verb') w.cls = 'noun';
  t.cls = 'verb';
}
