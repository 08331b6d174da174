/**
 * Turns the words the clause names as a subject into an entity: a known entity when the lexicon
 * or coreference covers them (canonical id), a country by its canonical name, a coordination of
 * names as one group ("Microsoft, Meta and Alphabet"), else the phrase itself with a kind read
 * from its form ("Acme Corp." org, a person's name, "the bridge" thing).
 */
import type { Span } from '../types.js';
import type { GrammarRules, Token } from './clause.js';
import type { StructuralSubject } from './grammar-subject.js';
import { slug, type Entity, type EntityMention } from './entities.js';
import { isEnglishWord, isListedWord } from '../normalize/english-lexicon.js';
import { isFirstName, knownOrganization, withoutTitle } from './form-names.js';

export function mentionOfSubject(s: string, st: StructuralSubject, tokens: Token[], mentions: EntityMention[], g: GrammarRules): EntityMention | null {
  if (st.personal) return null;
  let { start, end, text } = st.counted ? countedNoun(s, st.span, g) : cleanSpan(s, st.span, st.via === 'possessive-owner' || !!st.owner, g);
  // "children under 12": the counted noun and the threshold after the figure.
  if (st.counted && st.descriptor && text) { end = st.descriptor.end; text = `${text} ${s.slice(st.descriptor.start, st.descriptor.end)}`; }
  // compromise leaves an abbreviation's period outside the word: "Acme Corp." keeps it.
  if (s[end] === '.' && keepsPeriod(text, '.', g)) { end++; text += '.'; }
  // "Half of the company's 10,000 employees": a possessive right before a figure is its owner.
  if (/['’]s$/u.test(text) && /^\s*[\d$€£¥]/u.test(s.slice(end))) { text = text.slice(0, -2); end -= 2; }
  if (!text) return null;
  ({ start, text } = withoutPlaceOwner(text, start, g));
  const titled = withoutTitle(text, start, g);
  ({ start, text } = titled);
  // "Carmaker Stellantis sold …", "Rival Southline said its traffic grew": at the start of a
  // sentence such a noun is capitalized too; only the nouns news writes before a name this way
  // are taken off (a first name, or "Los" of Los Angeles, is no description).
  const lead = /^(\p{Lu}\p{Ll}+)\s+(?=\p{Lu})/u.exec(text);
  if (lead && g.leadingDescriptors.has(lead[1].toLowerCase()) && /^[\s"'“‘(]*$/u.test(s.slice(0, start))) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const covering = mentions.find((m) => m.start <= start && m.end >= end);
  if (st.pronoun) {
    // "Acme Corp. said its revenue rose": in what a speaker says, the pronoun is the speaker.
    if (st.speaker && !g.personalPronouns.has(s.slice(st.speaker.start, st.speaker.end).toLowerCase().replace(/['’]\p{L}+$/u, ''))) {
      const speaker = mentionOfSubject(s, { ...st, span: st.speaker, pronoun: false, speaker: null, via: 'clause-subject' }, tokens, mentions, g);
      // ("She said it had hired 300 engineers": "it" is never a person, "she" always one.)
      if (speaker && fits(text, speaker.entity.kind)) return { ...speaker, via: 'coreference' };
    }
    if (covering?.via === 'coreference') return { ...covering, via: 'coreference' };
    return st.alternative ? mentionOfSubject(s, st.alternative, tokens, mentions, g) : null;
  }
  if (st.unowned) {
    // "The company said data-center revenue rose": an organization speaking owns the measure.
    const speaker = st.speaker && mentionOfSubject(s, { span: st.speaker, via: 'clause-subject', metric: null, pronoun: false, speaker: null }, tokens, mentions, g);
    if (speaker && (speaker.entity.kind === 'org' || speaker.entity.kind === 'group')) return { ...speaker, via: 'speaker' };
    // "Revenue rose 5%" names no owner; "we cut the deficit by 40%" names its own object.
    if (st.unowned === 'bare' && st.via !== 'object' && !text.toLowerCase().split(/\s+/).some((w) => g.selfNamedMeasures.has(w))) return null;
  }
  if (covering) return { ...covering, start, end, text, via: covering.via === 'coreference' ? 'coreference' : st.via };
  // "OpenAI's consumer model at $20": a known organization, product or person that owns the
  // phrase is what the figure is about (a place owning it is not: "Chicago's Trump Hotel").
  const owner = mentions.find((m) => m.start === start && /^['’]s\b/u.test(s.slice(m.end, m.end + 3)) && m.entity.kind !== 'place' && m.entity.kind !== 'group');
  if (owner) return { ...owner, via: 'possessive-owner' };
  // A country keeps the name the text gives it ("UK", "Britain") under its canonical id, so
  // reconciliation groups it and a reader sees what the sentence says.
  const place = g.places.get(text.toLowerCase().replace(/^the\s+/, ''));
  if (place) return { start, end, text, entity: { id: place.id, name: text.replace(/^the\s+/i, ''), kind: 'place' }, via: st.via };
  // ("Chinese exports": the people's name owning a measure stands for its country, named so.)
  const nation = st.via === 'possessive-owner' ? g.demonymPlaces.get(text) : undefined;
  if (nation) return { start, end, text, entity: { id: nation.id, name: nation.name, kind: 'place' }, via: st.via };
  const group = coordination(text, start, mentions, g);
  if (group) return { start, end, text, entity: group, via: st.via };
  const words = tokens.filter((t) => t.start >= start && t.end <= end);
  return { start, end, text, entity: { id: slug(text), name: text, kind: titled.person ? 'person' : kindOf(text, words, g) }, via: st.via };
}

/** Whether a pronoun can stand for an entity of this kind: "it" for no person, "he" or "she" for
 * no one else ("they" for anyone: a firm, a group, a person). */
function fits(pronoun: string, kind: string): boolean {
  const p = pronoun.toLowerCase();
  if (/^(?:it|its|itself)$/.test(p)) return kind !== 'person';
  if (/^(?:he|him|his|she|her|hers)$/.test(p)) return kind === 'person';
  return true;
}

/** "Britain's FTSE 100", "Germany's Siemens": a name after a country's possessive is the name; the
 * country only says where it is. (A measure after it stays owned: "Germany's exports".) */
export function withoutPlaceOwner(text: string, start: number, g: GrammarRules): { start: number; text: string } {
  const m = /^((?:the\s+)?\p{Lu}[\p{L} .-]*?)['’]s\s+(?=\p{Lu})/u.exec(text);
  if (!m || !g.places.has(m[1].toLowerCase().replace(/^the\s+/, ''))) return { start, text };
  return { start: start + m[0].length, text: text.slice(m[0].length) };
}

const NUMBER_WORD = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|dozens)(?:-\p{L}+)?$/iu;

/** The noun a count is written with: "4.0 million children" → children, "Three soldiers" → soldiers. */
function countedNoun(s: string, span: Span, g: GrammarRules): Span & { text: string } {
  const m = /(\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*)?)\W*$/u.exec(s.slice(span.start, span.end));
  if (!m) return { start: span.start, end: span.start, text: '' };
  const words = m[1].split(/\s+/);
  // Only the noun and an adjective right before it, not a scale or number word ("million", "three").
  const kept = words.filter((w) => !g.scaleWords.has(w.toLowerCase()) && !NUMBER_WORD.test(w)).join(' ');
  const start = span.start + m.index + m[1].length - kept.length;
  return { start, end: start + kept.length, text: kept };
}

/** The phrase without trailing punctuation (and the owner's "'s"), and a name without the place
 * phrase after it ("the Ministry of Finance in the northern province" → Ministry of Finance). */
function cleanSpan(s: string, span: Span, owner: boolean, g: GrammarRules): Span & { text: string } {
  // "curries for dinner(excluding rice": a parenthesis the tokenizer left inside a word ends it.
  let text = s.slice(span.start, span.end).replace(/\s*\(.*$/su, '').replace(g.nameThenPlace, '$1').replace(/[\s,.;:!?)"'”’]+$/u, (m, at: number, all: string) => (/^['’]/.test(m) && !owner ? m : keepsPeriod(all.slice(0, at), m, g) ? '.' : ''));
  if (owner) text = text.replace(/['’]s?$/u, '');
  text = text.replace(/[\s,;:!?)"”]+$/u, '');
  const lead = /^["“'‘(]+/.exec(text)?.[0].length ?? 0;
  // Quotation marks inside a name are punctuation: 'the "fix and grow" plan' → fix and grow plan.
  return { start: span.start + lead, end: span.start + text.length, text: text.slice(lead).replace(/["“”]/g, '').replace(/\s{2,}/g, ' ') };
}

/** "Acme Corp." keeps its period: the name ends in an abbreviation. */
function keepsPeriod(before: string, stripped: string, g: GrammarRules): boolean {
  return stripped.startsWith('.') && g.nameAbbreviations.has(before.split(/\s+/).pop() ?? '');
}

/** "Microsoft, Meta and Alphabet", "Scotland and Wales": one group subject whose id lists the
 * members' ids, so the same coalition in another article is the same subject. */
function coordination(text: string, start: number, mentions: EntityMention[], g: GrammarRules): Entity | null {
  const parts = text.split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/);
  if (parts.length < 2 || parts.some((p) => !/^\p{Lu}/u.test(p) || p.split(/\s+/).length > 4)) return null;
  // One name with "and" in it: "Johnson & Johnson"; "Food and Drug Administration" (common words
  // before a last part that ends in an organization word).
  if (parts.every((p) => p === parts[0])) return null;
  const last = parts[parts.length - 1].split(/\s+/);
  if (last.length > 1 && g.orgWords.has(last[last.length - 1]) && parts.slice(0, -1).every((p) => p.split(/\s+/).every((w) => isListedWord(w.toLowerCase())))) return null;
  let at = start;
  const ids = parts.map((p) => {
    const i = text.indexOf(p, at - start) + start;
    at = i + p.length;
    const known = mentions.find((m) => m.start <= i && m.end >= i + p.length);
    return known?.entity.id ?? g.places.get(p.toLowerCase())?.id ?? slug(p);
  });
  return { id: [...new Set(ids)].sort().join('+'), name: text, kind: 'group' };
}

/** What kind of thing a phrase names, from its form: an organization word ("Corp.", "Ministry"),
 * compromise's person and place tags, else a capitalized name is taken for an organization (the
 * common case in news) and anything else is a thing ("the bridge"). */
function kindOf(text: string, words: Token[], g: GrammarRules): Entity['kind'] {
  const named = words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w.text) || g.nameParticles.has(w.lower));
  // A capital that only starts the sentence ("Emissions were cut") names nothing: a word the
  // dictionary lists as it is written ("Streamly" is not, though "stream" + "-ly" is English).
  // (Unless compromise's lexicon lists it as an organization: "Ford expects …", "Visa said …".)
  const sentenceStart = words.length === 1 && words[0].start === 0 && isListedWord(words[0].text.toLowerCase()) && !knownOrganization(words[0].text);
  if (!named || sentenceStart) return 'thing';
  if (text.split(/\s+/).some((w) => g.orgWords.has(w)) || words.some((w) => w.tags.has('Organization'))) return 'org';
  // ("Dana Whitfield": a first name compromise's lexicon knows, before another name.)
  if (words.every((w) => w.tags.has('Person') || w.tags.has('Honorific')) || (words.length >= 2 && isFirstName(words[0].text))) return 'person';
  if (words.some((w) => w.tags.has('Place'))) return 'place';
  return 'org';
}
