/**
 * Compiles the quantity rule files (rules/quantities/*.yml) into lookup tables and regular
 * expressions, once per process.
 */
import { escapeRegex, phraseSource, wordsRegex, StartScanner, LETTER } from '../util/regex.js';
import { isEnglishWord } from '../normalize/english-lexicon.js';
import { unitScale, type UnitScale } from '../util/units.js';
import type { RuleData } from '../rules/schema.js';
import type { Bound } from '../types.js';

export interface CurrencyInfo {
  iso: string;
  minor: boolean;
  ambiguous: boolean;
  /** Name of the minor unit as written ("cent"), used as the unit of a minor amount. */
  minorName?: string;
}

export interface UnitInfo {
  unit: string;
  notInSentence: RegExp | null;
}

export interface QuantityRules {
  /** Words that make a scaled number or an ambiguous currency word money (quantities/context.yml). */
  moneyCue: RegExp;
  /** "per month", "a year", "/night": a rate after a figure; group 1 is the unit. */
  rateAfter: RegExp;
  /** "per 100,000 people", "per 1,000 live births": a rate whose denominator is a count (group 1
   * its number, group 2 its noun). */
  perCountAfter: RegExp;
  /** Words never taken as a counted noun. */
  notCountedNoun: Set<string>;
  /** "10,000 more", "300 others": a bare count of what the count before it counts. */
  sameCountedAfter: RegExp;
  /** Plurals without "-s" ("people", "staff"): counted nouns that end what is counted. */
  irregularPlural: Set<string>;
  /** Capitalized words a number after labels ("Section 8", "Phase 3", "No. 1"). */
  identifierWord: Set<string>;
  /** A change before a figure ("rose", "fell by"): "rose 3% to 7,100" is a change and a level. */
  changeBefore: RegExp;
  /** "number of <plural>", a people measure ("population"), "<plural> numbered": what a bare
   * count counts (context.yml's countedMeasures, peopleMeasures, countVerbs). */
  countedMeasure: RegExp;
  peopleMeasure: RegExp;
  /** "the death toll … rose to 45": a measure that counts a noun of its own (group i+1 is
   * `nounMeasureUnits[i]`). */
  nounMeasure: RegExp | null;
  nounMeasureUnits: string[];
  countVerb: RegExp;
  /** "<plural> rose 26% to", "payrolls rose by": a change of a plural and "to" or "by" right before
   * the figure (group 1). */
  countChangedTo: RegExp;
  /** Ends with a major currency word or symbol ("3 dollars"); the minor word after it ("cents"). */
  compoundMajor: RegExp;
  /** "%", a percent word, a percentage-point word (group 1) or a basis-point word (group 2) after
   * a number. */
  percentAfter: RegExp;
  /** "8pc", "3pct": percent glued to the number in lower case (case-sensitive). */
  gluedPercentAfter: RegExp;
  /** "-fold", or "times" before a comparison ("3 times more"). */
  foldAfter: RegExp;
  /** A length of time after a number (group 1 its word), and "old" after it (group 2): an age. */
  durationAfter: RegExp;
  durationUnit: Map<string, string>;
  compoundMinor: RegExp;
  scaleWords: Map<string, number>;
  /** Suffixes glued to digits, lower-case ("bn", "k"). */
  scaleSuffixes: Map<string, number>;
  /** Suffixes that only count in the case written ("M", "B"). */
  scaleCaseSensitive: Map<string, number>;
  /** Regex source of currency prefixes, longest first. */
  currencyPrefix: RegExp;
  prefixIso: Map<string, CurrencyInfo>;
  /** Currency words after a number, longest first, lower-case. */
  currencyWord: RegExp;
  wordIso: Map<string, CurrencyInfo>;
  currencySuffix: RegExp;
  suffixIso: Map<string, CurrencyInfo>;
  codes: Set<string>;
  /** Every ISO 4217 code the runtime knows (Intl) that is no English word ("ALL", "TOP", "CUP"
   * are), read in capitals only ("KES 500 million"). */
  isoCode(code: string): boolean;
  before: RegExp;
  beforeBound: Map<string, Bound>;
  /** Verbs whose particle is not a bound ("handed over 61 jets"), lower case. */
  particleVerbs: Set<string>;
  /** A verb right before the number that sets its bound (group 1), left outside the span. */
  boundVerb: RegExp | null;
  boundVerbBound: Map<string, Bound>;
  after: RegExp;
  afterBound: Map<string, Bound>;
  vagueLead: StartScanner;
  vague: Map<string, { low: number; high: number }>;
  vagueScaled: Map<string, number>;
  multiplier: StartScanner;
  multiplierValue: Map<string, number>;
  /** A fraction word before "of" (group 1), with a restatement in parentheses allowed between;
   * or after a verb of change and "by" (group 2: "fell by a third"). */
  fraction: RegExp;
  fractionValue: Map<string, number>;
  /** After a multiplier word: a frequency ("twice a year"), not a multiple. */
  multiplierNotBefore: RegExp;
  /** "on double shift": a multiplier word after one of multipliers.yml's adjectiveAfter words, and
   * before a noun, is an adjective. */
  multiplierAdjectiveAfter: RegExp;
  multiplierNoun: RegExp;
  unitWord: RegExp;
  unitWords: Map<string, UnitInfo>;
  unitSymbol: RegExp;
  unitSymbols: Map<string, UnitInfo>;
  unitNotAfter: RegExp;
  /** A measure's dimension and factor to its base unit (js-quantities, via units.yml's `qty`), by
   * any name a claim's unit may have: the unit's name, a symbol, a word ("mile", "km", "miles").
   * The table is made on first use: reconciliation asks, the per-article stages never do. */
  unitScale(unit: string): UnitScale | undefined;
  /** Any vague-magnitude lead or multiplier word: with no digit and no number word, a sentence
   * needs one of these to hold a figure. */
  anyWordAnchor: RegExp;
}

/** What may not come right before a multiplier word (its regex's lookbehind). */
const LETTER_OR_HYPHEN = /[\p{L}-]/u;

const alt = (items: Iterable<string>) => [...items].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegex).join('|');
/** Inside a phrase a space stands for any run of spaces. */
const phrase = (items: Iterable<string>) => alt(items).replace(/\\? /g, '\\s+');

export function compileQuantityRules(d: Pick<RuleData, 'quantities.scales' | 'quantities.currencies' | 'quantities.approximators' | 'quantities.vague' | 'quantities.multipliers' | 'quantities.units' | 'quantities.context'>): QuantityRules {
  const context = d['quantities.context'];
  const durationUnit = new Map<string, string>();
  for (const u of context.durationUnits) for (const w of u.words) durationUnit.set(w.toLowerCase(), u.unit);
  const scales = d['quantities.scales'].scales;
  const scaleWords = new Map<string, number>();
  const scaleSuffixes = new Map<string, number>();
  const scaleCaseSensitive = new Map<string, number>();
  for (const s of scales) {
    for (const w of s.words) scaleWords.set(w.toLowerCase(), s.value);
    for (const w of s.suffixes ?? []) scaleSuffixes.set(w.toLowerCase(), s.value);
    for (const w of s.caseSensitive ?? []) scaleCaseSensitive.set(w, s.value);
  }

  const prefixIso = new Map<string, CurrencyInfo>();
  const wordIso = new Map<string, CurrencyInfo>();
  const suffixIso = new Map<string, CurrencyInfo>();
  for (const c of d['quantities.currencies'].currencies) {
    const info: CurrencyInfo = { iso: c.iso, minor: !!c.minor, ambiguous: !!c.ambiguous };
    for (const p of c.prefixes ?? []) if (!prefixIso.has(p.toLowerCase())) prefixIso.set(p.toLowerCase(), info);
    for (const p of c.prefixWords ?? []) if (!prefixIso.has(p.toLowerCase())) prefixIso.set(p.toLowerCase(), { ...info, minorName: p.toLowerCase() });
    for (const w of c.words ?? []) {
      const key = w.toLowerCase();
      if (!wordIso.has(key)) wordIso.set(key, c.minor ? { ...info, minorName: key.replace(/^-/, '').replace(/(ies|s)$/, (m) => (m === 'ies' ? 'y' : '')).replace(/^pence$/, 'penny') } : info);
    }
    for (const s of c.suffixes ?? []) suffixIso.set(s, c.minor ? { ...info, minorName: s.toLowerCase() } : info);
  }
  // A word several currencies share: money in a currency the word names, not a guessed code.
  for (const u of d['quantities.currencies'].unresolved) for (const w of u.words) if (!wordIso.has(w.toLowerCase())) wordIso.set(w.toLowerCase(), { iso: u.name, minor: false, ambiguous: false });
  const codes = new Set(d['quantities.currencies'].codes);

  const beforeBound = new Map<string, Bound>();
  for (const [bound, words] of Object.entries(d['quantities.approximators'].before)) for (const w of words) beforeBound.set(w.toLowerCase(), bound as Bound);
  const boundVerbBound = new Map<string, Bound>();
  for (const [bound, words] of Object.entries(d['quantities.approximators'].verbs)) for (const w of words) boundVerbBound.set(w.toLowerCase(), bound as Bound);
  const afterBound = new Map<string, Bound>();
  for (const [bound, words] of Object.entries(d['quantities.approximators'].after)) for (const w of words) afterBound.set(w.toLowerCase(), bound as Bound);

  const vague = new Map<string, { low: number; high: number }>();
  for (const l of d['quantities.vague'].leads) for (const w of l.words) vague.set(w.toLowerCase(), { low: l.low, high: l.high });
  const vagueScaled = new Map<string, number>();
  for (const w of d['quantities.vague'].scaled) {
    const v = scaleWords.get(w.toLowerCase()) ?? scaleWords.get(w.toLowerCase().replace(/s$/, ''));
    if (v) vagueScaled.set(w.toLowerCase(), v);
  }

  const multiplierValue = new Map<string, number>();
  for (const m of d['quantities.multipliers'].words) for (const w of m.words) multiplierValue.set(w.toLowerCase(), m.value);
  const fractionValue = new Map<string, number>();
  for (const f of d['quantities.multipliers'].fractions) for (const w of f.words) fractionValue.set(w.toLowerCase(), f.value);
  const fractions = phrase(fractionValue.keys());
  const multipliers = d['quantities.multipliers'];
  // "a third of all schools" (a share, group 1); "fell by nearly a third" (a change, group 2).
  // ("lost half its value": a possessive of the whole says "of" too.)
  const fractionShare = `(${fractions})(?=\\s+(?:\\([^)]{0,40}\\)\\s+)?of\\b|\\s+(?:${phrase(multipliers.fractionWholeBefore)})\\s+\\p{L})`;
  // (An object may stand between the verb and "by": "reduced waiting times by a third".)
  const fractionChange = `(?<=\\b(?:${phrase(multipliers.fractionChangeVerbs)})\\s+(?:(?:its|their|the|our|[\\p{Ll}-]+)\\s+){0,3}by\\s+(?:(?:${phrase(beforeBound.keys())})\\s+)?)(${fractions})(?![\\p{L}-]|\\s+(?:past|party|parties|point|points|percentage)\\b)`;

  const unitWords = new Map<string, UnitInfo>();
  const unitSymbols = new Map<string, UnitInfo>();
  for (const u of d['quantities.units'].units) {
    const info = { unit: u.unit, notInSentence: u.notInSentence ? new RegExp(`(?<![\\p{L}])(?:${phrase(u.notInSentence)})(?![\\p{L}])`, 'iu') : null };
    for (const w of u.words) unitWords.set(w.toLowerCase(), info);
    for (const s of u.symbols) unitSymbols.set(s, info);
  }

  const wordBoundary = (src: string) => new RegExp(`^(?:${src})(?![\\p{L}\\d])`, 'iu');
  return {
    moneyCue: wordsRegex(context.moneyCues, 'iu'),
    perCountAfter: /^\s*per\s+(\d{1,3}(?:,\d{3})+|\d+)\s+((?:[\p{L}-]+\s+)?[\p{L}-]*[\p{L}])(?![\p{L}])/iu,
    // ("$40 billion a year earlier" is a time, not a rate.)
    rateAfter: new RegExp(`^\\s*(?:per|/|a|an|each|every)\\s*(${context.rateUnits.map(escapeRegex).join('|')})s?(?![\\p{L}])(?!\\s+(?:${context.timeAfterRate.map(escapeRegex).join('|')})\\b)`, 'iu'),
    countedMeasure: new RegExp(`\\b(?:${context.countedMeasures.map(phraseSource).join('|')})\\s+of\\s+((?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}[\\p{L}-]+)`, 'giu'),
    nounMeasure: context.nounMeasures.length ? new RegExp(context.nounMeasures.map((m) => `\\b(${m.words.map(phraseSource).join('|')})\\b`).join('|'), 'giu') : null,
    nounMeasureUnits: context.nounMeasures.map((m) => m.unit),
    peopleMeasure: new RegExp(`\\b(?:${context.peopleMeasures.map(phraseSource).join('|')})\\b`, 'giu'),
    countVerb: new RegExp(`\\b(\\p{L}[\\p{L}-]*s)\\s+(?:${context.countVerbs.map(phraseSource).join('|')})\\b`, 'giu'),
    // (A place or owner may stand between: "measles cases in Europe rose 30-fold to".)
    countChangedTo: new RegExp(`\\b(\\p{L}[\\p{L}-]*s)(?:\\s+(?:in|at|of|from|across)\\s+(?:the\\s+)?\\p{L}+)?\\s+(?:${context.changeVerbs.map(phraseSource).join('|')})\\b[^,;:]{0,40}\\b(?:to|by)\\s+$`, 'iu'),
    changeBefore: new RegExp(`\\b(?:${context.changeVerbs.map(phraseSource).join('|')})(?:\\s+by)?\\s+(?:\\p{L}+\\s+)?$|\\bby\\s+$`, 'iu'),
    sameCountedAfter: new RegExp(`^\\s+(?:${context.sameCountedAfter.map(phraseSource).join('|')})(?![\\p{L}])`, 'iu'),
    irregularPlural: new Set(context.irregularPlurals.map((w) => w.toLowerCase())),
    identifierWord: new Set(context.identifierWords),
    notCountedNoun: new Set(context.notCountedNouns.map((w) => w.toLowerCase())),
    percentAfter: new RegExp(`^(?:\\s?%|\\s+(?:(${context.percentPointWords.map(phraseSource).join('|')})|(${context.basisPointWords.map(phraseSource).join('|')})|${context.percentWords.map(phraseSource).join('|')})(?![\\p{L}]))`, 'iu'),
    gluedPercentAfter: new RegExp(`^(?:${context.gluedPercentWords.map(phraseSource).join('|')})(?![\\p{L}\\d])`, 'u'),
    foldAfter: new RegExp(`^(?:-fold|\\s+times\\s+(?=(?:${d['quantities.multipliers'].timesBefore.map(escapeRegex).join('|')})\\b))`, 'i'),
    durationAfter: new RegExp(`^(?:\\s+|-)${context.durationModifiers.length ? `(?:(?:${context.durationModifiers.map(escapeRegex).join('|')})\\s+)?` : ''}(${[...durationUnit.keys()].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})(?![\\p{L}])(?:(?:\\s+|-)(${context.ageAfter.map(escapeRegex).join('|')})(?![\\p{L}]))?`, 'iu'),
    durationUnit,
    compoundMajor: new RegExp(`(?:${context.compoundMoney.majorWords.map(phraseSource).join('|')})\\s*$`, 'iu'),
    compoundMinor: new RegExp(`(?:${context.compoundMoney.minorWords.map(phraseSource).join('|')})`, 'iu'),
    scaleWords, scaleSuffixes, scaleCaseSensitive,
    currencyPrefix: new RegExp(`(?:${phrase(prefixIso.keys())})$`, 'iu'),
    prefixIso,
    currencyWord: wordBoundary(phrase(wordIso.keys())),
    wordIso,
    // (A suffix in Latin letters ends at a word's end: "164p", not the "p" of "people".)
    currencySuffix: new RegExp(`^(?:${[...suffixIso.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((k) => escapeRegex(k) + (/[A-Za-z]$/.test(k) ? '(?![A-Za-z])' : '')).join('|')})`, 'u'),
    suffixIso,
    codes,
    isoCode: isoCodeTest(),
    boundVerb: boundVerbBound.size ? new RegExp(`(?:^|[^\\p{L}])(${phrase(boundVerbBound.keys())})\\s+$`, 'iu') : null,
    boundVerbBound,
    particleVerbs: new Set(d['quantities.approximators'].particleVerbs.map((w) => w.toLowerCase())),
    before: new RegExp(`(?:^|[^\\p{L}])(${phrase(beforeBound.keys())})\\s*$`, 'iu'),
    beforeBound,
    after: wordBoundary(phrase([...afterBound.keys()].filter((k) => /^\w/.test(k)))),
    afterBound,
    // The vague and multiplier anchors, searched only where one of their words can start (see
    // StartScanner: three times faster on these long lists; the short lists below gain nothing).
    vagueLead: new StartScanner(new RegExp(`(?<![\\p{L}])(${phrase(vague.keys())})(?:\\s+of\\s+(${phrase(vagueScaled.keys())}))?(?![\\p{L}])`, 'giu'), vague.keys(), LETTER),
    vague, vagueScaled,
    multiplier: new StartScanner(new RegExp(`(?<![\\p{L}-])(${phrase(multiplierValue.keys())})(?![\\p{L}-])`, 'giu'), multiplierValue.keys(), LETTER_OR_HYPHEN),
    multiplierValue,
    fraction: new RegExp(`(?<![\\p{L}-])(?<!\\b(?:${multipliers.fractionNotAfter.map(escapeRegex).join('|')})\\s+)(?:${fractionShare}|${fractionChange})`, 'giu'),
    fractionValue,
    multiplierAdjectiveAfter: new RegExp(`(?<![\\p{L}])(?:${d['quantities.multipliers'].adjectiveAfter.map(phraseSource).join('|')})\\s+$`, 'iu'),
    multiplierNoun: new RegExp(`^\\s+(?!(?:${d['quantities.multipliers'].notNouns.map(phraseSource).join('|')})(?![\\p{L}]))\\p{Ll}`, 'u'),
    multiplierNotBefore: new RegExp(`^\\s+(?:${d['quantities.multipliers'].notBefore.map(phraseSource).join('|')})(?![\\p{L}])`, 'iu'),
    unitWord: wordBoundary(phrase(unitWords.keys())),
    unitWords,
    unitSymbol: new RegExp(`^(?:${alt(unitSymbols.keys())})(?![\\p{L}\\d]|-\\d)`, 'u'),
    unitSymbols,
    anyWordAnchor: new RegExp(`(?<![\\p{L}])(?:${phrase([...vague.keys(), ...multiplierValue.keys(), ...fractionValue.keys()])})(?![\\p{L}])`, 'iu'),
    unitNotAfter: new RegExp(`^\\s*(?:${phrase(d['quantities.units'].notAfter)})`, 'iu'),
    unitScale: unitScaleTable(d['quantities.units'].units),
  };
}

/** See QuantityRules.unitScale. A unit's own name wins over another unit's symbol or word. */
function unitScaleTable(units: RuleData['quantities.units']['units']): (unit: string) => UnitScale | undefined {
  let table: Map<string, UnitScale> | null = null;
  const make = () => {
    const t = new Map<string, UnitScale>();
    // The rules' schema refused every `qty` js-quantities does not know.
    const add = (name: string, qty: string) => { const scale = unitScale(qty); if (typeof scale !== 'string' && !t.has(name)) t.set(name, scale); };
    for (const u of units) add(u.unit, u.qty);
    for (const u of units) for (const name of [...u.symbols, ...u.words.map((w) => w.toLowerCase())]) add(name, u.qty);
    return t;
  };
  return (unit) => (table ??= make()).get(unit) ?? table.get(unit.toLowerCase());
}

/** Whether a capitalized code is an ISO 4217 currency the runtime knows and no English word. The
 * set is made on first use: it needs the English lexicon, which the main thread never loads. */
function isoCodeTest(): (code: string) => boolean {
  let codes: Set<string> | null = null;
  return (code) => (codes ??= new Set(Intl.supportedValuesOf('currency').filter((c) => !isEnglishWord(c.toLowerCase())))).has(code);
}
