/**
 * Coreference inside one article: pronouns and definite descriptions ("the firm", "it", "their")
 * resolve to the most recent entity that fits. A small, explainable rule set, not a model.
 */
import type { Entity, EntityMention } from './entities.js';
import type { RuleData } from '../rules/schema.js';
import { escapeRegex, StartScanner } from '../util/regex.js';

export interface CoreferenceRules {
  /** One regex over every anaphor, each anaphor's words or heads a numbered group; `kinds[i]`
   * belongs to group i+1.
   * Searched only at the words an anaphor can start with: one pass over the sentence. */
  any: StartScanner;
  kinds: Entity['kind'][][];
  /** A preposition right before a mention (its last word matched, `lessSalientAfter`). */
  lessSalient: RegExp | null;
  objectPronouns: Set<string>;
  /** A description that names an institution of its own ("the central bank"): matched at its end. */
  notAnaphor: RegExp | null;
}

/** rules/claims/coreference.yml as one matcher: pronouns as words, descriptions as "the" + a head. */
export function compileCoreference(data: RuleData['claims.coreference']): CoreferenceRules {
  // Every alternative opens with \b and one of these words.
  const firstWords = data.anaphors.flatMap((a) => [...(a.words ?? []), ...(a.heads?.length ? ['the', 'this', 'that'] : [])]);
  // Pronouns, each anaphor's a group; then one alternative for every description ("the" and up to
  // two words before a head: "the Chicago-based company"), each anaphor's heads a group of its own
  // inside it, so the determiner and its modifiers are matched once, not once per list of heads.
  const kinds: Entity['kind'][][] = [];
  const words: string[] = [];
  const heads: string[] = [];
  for (const a of data.anaphors) {
    if (a.words?.length) {
      words.push(`(\\b(?:${a.words.map(escapeRegex).join('|')})\\b)`);
      kinds.push(a.kinds);
    }
  }
  for (const a of data.anaphors) {
    if (a.heads?.length) {
      heads.push(`(${a.heads.map(escapeRegex).join('|')})`);
      kinds.push(a.kinds);
    }
  }
  // ("the 23-year-old": an age glued to its head.)
  const described = heads.length ? [`\\b(?:the|this|that)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:\\d+-)?(?:${heads.join('|')})\\b(?:['’]s)?`] : [];
  const lessSalient = data.lessSalientAfter.length ? new RegExp(`\\b(?:${data.lessSalientAfter.map(escapeRegex).join('|')})\\s+$`, 'i') : null;
  return { any: new StartScanner(new RegExp([...words, ...described].join('|'), 'giu'), firstWords, /\w/), kinds, lessSalient, objectPronouns: new Set(data.objectPronouns.map((w) => w.toLowerCase())),
    notAnaphor: data.notAnaphors.length ? new RegExp(`\\b(?:${data.notAnaphors.map(escapeRegex).join('|')})(?:['’]s)?$`, 'i') : null };
}

/** The history of resolved mentions, most recent last. */
export class MentionHistory {
  private items: { entity: Entity; sentence: number }[] = [];
  /** Firms' names by their first word, the latest kept ("Northwind" → Northwind Air). */
  private readonly short = new Map<string, { entity: Entity; sentence: number }>();

  /** `shortNameSuffixes`: the last words (lower case) of a name its first word may stand for. */
  constructor(private readonly shortNameSuffixes: ReadonlySet<string> = new Set()) {}

  add(entity: Entity, sentence: number): void {
    this.items.push({ entity, sentence });
    if (this.items.length > 200) this.items.splice(0, 100);
    const name = entity.name;
    const first = name.indexOf(' ');
    if (first > 0 && entity.kind !== 'person' && this.shortNameSuffixes.has(name.slice(name.lastIndexOf(' ') + 1).toLowerCase())) this.short.set(name.slice(0, first), { entity, sentence });
  }

  /** Whether any name was seen that a first word may stand for. */
  get hasShortNames(): boolean {
    return this.short.size > 0;
  }

  /** The most recent entity of one of `kinds`, mentioned no more than `window` sentences back. */
  latest(kinds: Entity['kind'][], sentence: number, window = 8): Entity | null {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const it = this.items[i];
      if (sentence - it.sentence > window) return null;
      if (kinds.includes(it.entity.kind)) return it.entity;
    }
    return null;
  }

  /** The entity of one of `kinds` mentioned most often in the last `window` sentences, the most
   * recent of those mentioned as often: what a story is about, which "the company" names more
   * often than the last firm it mentioned in passing ("Alphabet … its YouTube unit … The company
   * announced a dividend"). */
  mostMentioned(kinds: Entity['kind'][], sentence: number, window = 8): Entity | null {
    const counts = new Map<string, { entity: Entity; n: number; last: number }>();
    for (let i = this.items.length - 1; i >= 0; i--) {
      const it = this.items[i];
      if (sentence - it.sentence > window) break;
      if (!kinds.includes(it.entity.kind)) continue;
      const c = counts.get(it.entity.id);
      if (c) c.n++;
      else counts.set(it.entity.id, { entity: it.entity, n: 1, last: i });
    }
    let best: { entity: Entity; n: number; last: number } | null = null;
    for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.last > best.last)) best = c;
    return best?.entity ?? null;
  }

  /** The most recent firm's name of several words whose first word is `word` ("Northwind" for
   * "Northwind Air"; the name ends in one of the short-name suffixes), within `window` sentences. */
  shortFor(word: string, sentence: number, window = 8): Entity | null {
    const seen = this.short.get(word);
    return seen && sentence - seen.sentence <= window ? seen.entity : null;
  }

  /** Entities mentioned in one sentence, in order. */
  inSentence(sentence: number): Entity[] {
    return this.items.filter((i) => i.sentence === sentence).map((i) => i.entity);
  }
}

/** "Northwind Air … Northwind expects": a capitalized word that is the first word of a name the
 * sentences before wrote in full stands for that name (words other mentions already cover are
 * left alone). */
export function shortNames(text: string, covered: readonly EntityMention[], history: MentionHistory, sentence: number): EntityMention[] {
  const out: EntityMention[] = [];
  if (!history.hasShortNames) return out;
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}\p{N}&-]+/gu)) {
    const start = m.index!, end = start + m[0].length;
    if (covered.some((c) => start < c.end && c.start < end)) continue;
    const entity = history.shortFor(m[0], sentence);
    if (entity) out.push({ start, end, entity, text: m[0], via: 'coreference' });
  }
  return out;
}

/**
 * Anaphora in `text` resolved against `explicit` mentions earlier in the same text, then (for an
 * "it" opening the sentence) `topic`, the thing the sentence before was about, then the history,
 * then `fallback` (a country the sentences before name). Returns mentions marked
 * `via: 'coreference'`.
 */
export function resolveAnaphora(text: string, explicit: EntityMention[], history: MentionHistory, sentence: number, rules: CoreferenceRules, fallback: (kinds: Entity['kind'][]) => Entity | null = () => null, topic: Entity | null = null): EntityMention[] {
  const out: EntityMention[] = [];
  const re = rules.any;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const kinds = rules.kinds[group - 1];
    const at = m.index, end = at + m[0].length;
    if (explicit.some((e) => at < e.end && e.start < end)) continue;
    // ("The central bank held its key rate": an institution of its own, not the firm before.)
    if (rules.notAnaphor?.test(m[0])) continue;
    // "the software company Globex": a description followed by the name is that name.
    if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3)) && /\s/.test(m[0])) continue;
    // (An anaphor resolved earlier in the sentence counts as a mention: "the bank's budget was cut
    // while its profits doubled" → its = the bank.)
    const earlier = [...explicit, ...out].filter((e) => e.end <= at && kinds.includes(e.entity.kind)).sort((x, y) => x.end - y.end);
    // ("Lumora raised $200 million in a round led by Sequoia, valuing the company at $2.8 billion":
    // an entity named as a preposition's object is passed over for one named before it.)
    // (Not for an object pronoun: "Einstein wrote to Gandhi and called him …" calls Gandhi.)
    const salient = rules.lessSalient && !rules.objectPronouns.has(m[0].toLowerCase()) ? earlier.filter((e) => !rules.lessSalient!.test(text.slice(Math.max(0, e.start - 12), e.start))) : earlier;
    const pick = salient.length > 0 ? salient : earlier;
    // (Else what the sentences before name without a figure: "Portugal is small. Its exports …".)
    // (A description, "the company", names what the story is about; a pronoun the latest fit.)
    const fromHistory = /\s/.test(m[0]) ? history.mostMentioned(kinds, sentence) : history.latest(kinds, sentence);
    // ("The bill funds 70% of the government. It includes $886 billion for defense": a pronoun
    // opening the sentence is the thing the sentence before was about, though no name.)
    // (A one-word anaphor that may stand for a thing's kind, "it"/"its", not "he" or "they".)
    const opening = topic && !/\s/.test(m[0]) && kinds.includes('product') && /^[\s"'“‘(]*$/u.test(text.slice(0, at)) ? topic : null;
    const entity = pick.length > 0 ? pick[pick.length - 1].entity : opening ?? fromHistory ?? fallback(kinds);
    if (entity) out.push({ start: at, end, entity, text: m[0], via: 'coreference' });
  }
  return out;
}
