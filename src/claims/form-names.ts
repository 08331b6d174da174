/**
 * Names a sentence writes that the entity lexicon does not know, found by their form alone (no
 * tagging): a run of capitalized words with at least one that is no everyday English word
 * ("Globex Corp.", "Initech", "Maria Lopez"), or of two or more with an organization word ("Acme
 * Holdings").
 * They are what later pronouns and descriptions point back to ("Globex reported results. The
 * Chicago-based company said revenue rose 14%"): an article that names a firm once, in a sentence
 * with no figure, still gives its figures a subject. Tagging every sentence to find them would cost
 * what the lazy tagging saves (DESIGN.md), and these names are only antecedents, never subjects by
 * themselves.
 */
import type { GrammarRules } from './clause.js';
import { slug, type EntityKind, type EntityMention } from './entities.js';
import { isListedWord } from '../normalize/english-lexicon.js';
import { lexiconTagsOf } from './nlp.js';
import { BoundedMemo, detached } from '../util/memo.js';

/** Capitalized words, joined by spaces or by a particle inside a name ("Bank of America"), read
 * from a capital that starts a word (found by CAPITAL: one cheap search per capital, where a
 * look-behind over the whole sentence cost a tenth of an article's time). */
const CAPITAL = /\p{Lu}/gu;
const RUN = /\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:(?:of|and|for|de|du|la|&)\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*)*/uy;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/** Each capitalized run of `s` that starts a word, with its offset. */
function* runs(s: string): Generator<{ index: number; text: string }> {
  CAPITAL.lastIndex = 0;
  for (let c = CAPITAL.exec(s); c; c = CAPITAL.exec(s)) {
    if (c.index > 0 && WORD_CHAR.test(s[c.index - 1])) continue;
    RUN.lastIndex = c.index;
    const run = RUN.exec(s)!;
    CAPITAL.lastIndex = c.index + run[0].length;
    yield { index: c.index, text: run[0] };
  }
}

/** compromise's lexicon tags of names, and of people's names. */
const NAME = /Organization|Person|FirstName|MaleName|FemaleName|LastName/;
const PERSON = /Person|FirstName|MaleName|FemaleName|LastName/;
const FUNCTION_WORD = /Preposition|Determiner|Conjunction|Pronoun|Possessive/;

/** A word that names someone: compromise's lexicon knows it as a name, or knows it not at all and
 * it is no English word. An acronym compromise does not know ("GDP", "IPOs", "AI") is a term, not
 * an antecedent; a word it knows as something else (a city, a month, a title) is not a name. */
const nameLikeMemo = new BoundedMemo<string, boolean>();

function nameLike(word: string): boolean {
  return nameLikeMemo.get(word) ?? nameLikeMemo.set(word, readNameLike(word, lexiconTagsOf(word)));
}

function readNameLike(word: string, tags: string): boolean {
  if (NAME.test(tags)) return true;
  // "Chicago-based", "Paris-born": a name made a modifier.
  if (/-\p{Ll}/u.test(word)) return false;
  if (tags || /^[\p{Lu}\d&.-]+(?:['’]?s)?$/u.test(word)) return false; // (and plurals: "GPUs", "CEOs")
  // (A word the dictionary lists as written: "Streamly" is a name though "stream" + "-ly" is English.)
  return !isListedWord(word);
}

/** Whether compromise's lexicon knows the word as a person's first name ("Dana", "Maria"). */
export function isFirstName(word: string): boolean {
  return /FirstName|MaleName|FemaleName/.test(lexiconTagsOf(word));
}

/** Whether compromise's lexicon lists the word as an organization ("Ford", "Visa", "Boeing"). */
export function knownOrganization(word: string): boolean {
  return /Organization/.test(lexiconTagsOf(word));
}

/** "Prime Minister Rishi Sunak" → Rishi Sunak: the words up to the last title before a person's
 * name, a first name compromise's lexicon knows or two names and no more ("the Finance Minister"
 * keeps its words: no name follows). */
export function withoutTitle(text: string, start: number, g: GrammarRules): { start: number; text: string; person: boolean } {
  const words = text.split(' ');
  for (let i = words.length - 2; i >= 0; i--) {
    if (!g.titles.has(words[i].toLowerCase().replace(/\.$/, '')) || !/^\p{Lu}/u.test(words[i + 1])) continue;
    // A first name compromise knows, or a first and a last name and nothing more ("Rishi Sunak").
    const rest = words.slice(i + 1);
    const twoNames = rest.length === 2 && rest.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !g.orgWords.has(w) && !g.titles.has(w.toLowerCase()) && !FUNCTION_WORD.test(lexiconTagsOf(w)));
    if (!isFirstName(words[i + 1]) && !twoNames) continue;
    const cut = words.slice(0, i + 1).join(' ').length + 1;
    return { start: start + cut, text: text.slice(cut), person: true };
  }
  return { start, text, person: false };
}

export function formNames(s: string, known: readonly EntityMention[], g: GrammarRules): EntityMention[] {
  const out: EntityMention[] = [];
  const opening = /^[\s"'“‘(]*/.exec(s)![0].length;
  // A headline in title case capitalizes every word: a run of its capitals is not one name.
  let titleCase: boolean | null = null;
  const inTitleCase = () => {
    if (titleCase === null) {
      const longWords = s.match(/\p{L}{4,}/gu) ?? [];
      titleCase = longWords.length >= 3 && longWords.every((w) => /^\p{Lu}/u.test(w));
    }
    return titleCase;
  };
  for (const m of runs(s)) {
    const name = runName(m.text, m.index === opening, g);
    if (!name || (name.words > 1 && inTitleCase())) continue;
    const start = m.index + name.offset;
    const end = start + name.text.length;
    if (known.some((k) => start < k.end && k.start < end)) continue;
    out.push({ start, end, entity: { id: name.id, name: name.text, kind: name.kind }, text: name.text, via: 'nlp' });
  }
  return out;
}

/** The name a capitalized run holds, read from the run alone: where it starts in the run, its
 * words, and its kind; null when it holds none. */
interface RunName { offset: number; text: string; id: string; kind: EntityKind; words: number }

/** Runs recur across sentences and articles ("The", "He", the same firm's name): what a run holds
 * is read once per rules and per run (and whether it opens its sentence). Capped like the other
 * memos. */
const runNames = new WeakMap<GrammarRules, [BoundedMemo<string, RunName | null>, BoundedMemo<string, RunName | null>]>();

function runName(run: string, opensSentence: boolean, g: GrammarRules): RunName | null {
  let memos = runNames.get(g);
  if (!memos) runNames.set(g, (memos = [new BoundedMemo(), new BoundedMemo()]));
  const memo = memos[opensSentence ? 1 : 0];
  const name = memo.get(run);
  return name !== undefined ? name : memo.set(run, readRunName(run, opensSentence, g));
}

function readRunName(run: string, opensSentence: boolean, g: GrammarRules): RunName | null {
  const tags = lexiconTagsOf;
  let start = 0;
  let words = run.replace(/['’]s?$|[.,]$/u, (end) => (end === '.' && g.nameAbbreviations.has(run.slice(0, -1).split(/\s+/).pop()!) ? '.' : '')).split(/\s+/);
  const skip = () => {
    start += words[0].length + (run.slice(start + words[0].length).match(/^\s+/)?.[0].length ?? 0);
    words = words.slice(1);
  };
  // The first word of a sentence is capitalized whatever it is: an everyday word there ("The",
  // "Rival", "Chief") opens the sentence, not the name (unless it and an organization word are the
  // whole run: "Helios Pharma said …"; "Rival Globex Corp." is Globex Corp.).
  const orgEnd = words.length === 2 && g.orgWords.has(words[1]) && !FUNCTION_WORD.test(tags(words[0]));
  if (opensSentence && words.length > 0 && isListedWord(words[0]) && !g.orgWords.has(words[0]) && !orgEnd) skip();
  // Function words compromise knows ("In", "And", "Our") do not begin a name anywhere.
  while (words.length > 1 && FUNCTION_WORD.test(tags(words[0]))) skip();
  // ... nor end one ("Ms. Tharp She" where a sentence break was lost).
  while (words.length > 1 && FUNCTION_WORD.test(tags(words[words.length - 1]))) words = words.slice(0, -1);
  // "I", "I'm", "You've": the writer and the reader are no one's name.
  if (words.length === 0 || words.some((w) => w === 'I' || /['’](?:m|ll|ve|re|d|t)$/i.test(w))) return null;
  // "NEW YORK, March 5": words in capitals are a dateline or a shout, not a name to point back to.
  if (words.length > 1 && words.every((w) => !/\p{Ll}/u.test(w))) return null;
  const whole = words.join(' ');
  if (run.slice(start, start + whole.length) !== whole) return null;
  // ("Health Secretary Wes Streeting" is Wes Streeting.)
  const titled = withoutTitle(whole, start, g);
  const text = titled.text;
  words = text.split(' ');
  if (g.isPlace(text.toLowerCase()) || g.demonyms.has(text)) return null;
  // ("Exxon Mobil and Chevron": two names, each with a word no dictionary lists, are two firms, not
  // one antecedent; "the Food and Drug Administration" is one.)
  const and = words.indexOf('and');
  if (and > 0 && words.slice(0, and).some((w) => nameLike(w)) && words.slice(and + 1).some((w) => nameLike(w))) return null;
  const org = words.length >= 2 && words.some((w) => g.orgWords.has(w));
  if (!org && !words.some((w) => nameLike(w))) return null;
  // (A name compromise's lexicon lists whole, "Goldman Sachs", is what it says.)
  const person = titled.person || (!org && !/Organization/.test(tags(text)) && words.some((w) => PERSON.test(tags(w))));
  // (The memo keeps the name: a copy, not a view into the article it was cut from.)
  return { offset: titled.start, text: detached(text), id: slug(text), kind: person ? 'person' : 'org', words: whole.split(' ').length };
}
