/**
 * Strict zod schemas for every rule file under rules/. A file that does not fit is refused with
 * its path, line and column (see load.ts), so a typo in a rule never silently changes output.
 */
import { z } from 'zod';
import { unitScale } from '../util/units.js';

/** A word list: never empty (an empty list makes an empty alternation, which matches nothing
 * and everywhere at once), never an empty word. */
const words = z.array(z.string().min(1)).min(1, 'an empty list: give at least one word, or leave the entry out');
/** A list of entries each of which adds words to one regex: never empty, for the same reason. */
const entries = <T extends z.ZodType>(entry: T) => z.array(entry).min(1, 'an empty list: give at least one entry');
/** Largest value a scale word, vague magnitude or multiplier may have: a quintillion. Past it a
 * figure soon leaves the range of a double (and "billion: 1e308" would turn every "5 billion"
 * into infinity). */
const MAX_RULE_VALUE = 1e18;
const ruleValue = z.number().positive().max(MAX_RULE_VALUE, `at most ${MAX_RULE_VALUE} (a quintillion)`);

/** A regular expression a user may write: it must compile with the flags it is used with. */
const pattern = (flags: string, prepare: (p: string) => string = (p) => p) => z.string().min(1).superRefine((p, ctx) => {
  try {
    new RegExp(prepare(p), flags);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}` });
  }
});

/** Unicode script names, as \p{Script=…} knows them. */
const scriptName = z.string().min(1).refine((name) => {
  try {
    return new RegExp(`\\p{Script=${name}}`, 'u') instanceof RegExp && /^[A-Za-z_]+$/.test(name);
  } catch {
    return false;
  }
}, { message: 'not a Unicode script name (e.g. Latin, Cyrillic, Han)' });

/** The words every attribution pattern needs, as one pattern (without the source and a trailing
 * lookahead): a cheap test before the costly patterns (claims/modality.ts), checked like them. */
export const attributionTriggerSource = (patterns: string[]): string => patterns.map((p) => p.replace('{source}', '').replace(/\(\?=.*\)$/, '')).join('|');

/** The phrase an attribution pattern's {source} stands for when it is checked (see claims/modality.ts). */
const SOURCE_STANDIN = '(x)';
const bound = z.enum(['approx', 'at_least', 'at_most']);

/** The fields of a figure an example may state; any other key is a typo and refused. */
const figureFields = z.strictObject({
  kind: z.enum(['money', 'count', 'percent', 'ratio', 'multiplier', 'date', 'measure', 'duration', 'age']).optional(),
  value: z.number().nullable().optional(),
  low: z.number().nullable().optional(),
  high: z.number().nullable().optional(),
  bound: z.enum(['exact', 'approx', 'at_least', 'at_most', 'range']).optional(),
  unit: z.string().optional(),
  per: z.string().nullable().optional(),
  implied: z.boolean().optional(),
});

/** An example run by the tests: the text must (or must not) yield a quantity like `expect`. */
export const quantityExample = z.strictObject({
  text: z.string(),
  expect: figureFields.optional(),
  expectNot: figureFields.optional(),
});

export const scalesFile = z.strictObject({
  scales: entries(z.strictObject({
    value: ruleValue,
    words,
    suffixes: words.optional(),
    caseSensitive: words.optional(),
  })),
  examples: z.array(quantityExample),
});

export const currenciesFile = z.strictObject({
  currencies: entries(z.strictObject({
    iso: z.string().regex(/^[A-Z]{3,4}$/),
    prefixes: words.optional(),
    suffixes: words.optional(),
    words: words.optional(),
    prefixWords: words.optional(),
    ambiguous: z.boolean().optional(),
    minor: z.boolean().optional(),
  })),
  unresolved: z.array(z.strictObject({ name: z.string().regex(/^[a-z]+$/), words })),
  codes: z.array(z.string().regex(/^[A-Z]{3}$/)),
  examples: z.array(quantityExample),
});

export const approximatorsFile = z.strictObject({
  before: z.record(bound, words),
  after: z.record(bound, words),
  /** Verbs whose particle looks like a bound word ("handed over 61 jets"): no bound after them. */
  particleVerbs: words.default([]),
  /** Main verbs right before a number that set its bound, outside its span ("tops $1 million"). */
  verbs: z.partialRecord(bound, words).default({}),
  examples: z.array(quantityExample),
});

export const vagueFile = z.strictObject({
  leads: entries(z.strictObject({ words, low: z.number().min(0).max(MAX_RULE_VALUE), high: z.number().min(0).max(MAX_RULE_VALUE) }).refine((l) => l.low <= l.high, 'low is above high')),
  scaled: words,
  examples: z.array(quantityExample),
});

export const multipliersFile = z.strictObject({
  words: entries(z.strictObject({ value: ruleValue, words })),
  fractions: entries(z.strictObject({ value: z.number().positive().max(1), words })),
  fractionNotAfter: words,
  fractionWholeBefore: words,
  fractionChangeVerbs: words,
  timesBefore: words,
  notBefore: words,
  adjectiveAfter: words,
  notNouns: words,
  examples: z.array(quantityExample),
});

export const unitsFile = z.strictObject({
  units: entries(z.strictObject({
    unit: z.string(),
    /** The unit's name in js-quantities ("mi", "kWh", "short-ton"): its dimension and factor come
     * from there, and a name the package does not know is refused here, at load. */
    qty: z.string(),
    words: z.array(z.string().min(1)),
    symbols: z.array(z.string().min(1)),
    /** Words that, anywhere in the sentence, make this unit something else (degrees of heat). */
    notInSentence: words.optional(),
  }).superRefine((u, ctx) => {
    const scale = unitScale(u.qty);
    if (typeof scale === 'string') ctx.addIssue({ code: 'custom', path: ['qty'], message: `${scale} (unit "${u.unit}")` });
  })),
  notAfter: words,
  examples: z.array(quantityExample),
});

export const contextFile = z.strictObject({
  moneyCues: words,
  rateUnits: words,
  notCountedNouns: words,
  irregularPlurals: words,
  sameCountedAfter: words,
  timeAfterRate: words,
  identifierWords: words,
  changeVerbs: words,
  countedMeasures: words,
  peopleMeasures: words,
  /** Measures that are counts of a noun of their own ("death toll" counts deaths). */
  nounMeasures: z.array(z.strictObject({ words, unit: z.string() })).default([]),
  countVerbs: words,
  compoundMoney: z.strictObject({ majorWords: words, minorWords: words }),
  percentWords: words,
  percentPointWords: words,
  basisPointWords: words,
  gluedPercentWords: words,
  durationUnits: entries(z.strictObject({ unit: z.string(), words })),
  ageAfter: words,
  /** Words between a number and its unit of time ("30 straight days"). */
  durationModifiers: words.default([]),
  examples: z.array(quantityExample),
});

export const boilerplateFile = z.strictObject({
  rules: z.array(z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    scope: z.enum(['line', 'next', 'rest']),
    pattern: pattern('u'),
    caseSensitive: z.boolean().optional(),
    examples: z.strictObject({ match: z.array(z.string()), noMatch: z.array(z.string()) }),
  })),
  bareNumberLine: z.boolean(),
  examples: z.array(z.unknown()),
});

export const unicodeFile = z.strictObject({
  replace: z.array(z.strictObject({ id: z.string(), from: z.array(z.string().length(1)), to: z.string() })),
  digits: z.array(z.strictObject({ id: z.string(), zero: z.string().length(1) })),
  examples: z.array(z.strictObject({ text: z.string(), normalized: z.string() })),
});

export const foreignFile = z.strictObject({
  scripts: z.array(scriptName).min(1),
  languages: z.array(z.string().regex(/^[a-z]{3}$/)),
  maxEnglishScore: z.number().min(0).max(1),
  minLength: z.number().int().min(1),
  examples: z.array(z.strictObject({ text: z.string(), flagged: z.array(z.string()) })),
});

export const abbreviationsFile = z.strictObject({
  abbreviations: words,
  examples: z.array(z.strictObject({ text: z.string(), sentences: z.number().int() })),
});

export const entityKind = z.enum(['org', 'person', 'place', 'product', 'group']);
export const entitiesFile = z.strictObject({
  entities: z.array(z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string(),
    kind: entityKind,
    aliases: words,
    caseSensitive: z.boolean().optional(),
    parent: z.string().optional(),
  })),
  examples: z.array(z.strictObject({ text: z.string(), entities: z.array(z.string()) })),
});

export const metricsFile = z.strictObject({
  metrics: z.array(z.strictObject({
    metric: z.string(),
    units: words.optional(),
    words: words.optional(),
    verbs: words.optional(),
    fallback: z.boolean().optional(),
  })),
  periods: z.array(z.strictObject({ period: z.string(), words })),
  examples: z.array(z.strictObject({ text: z.string(), metric: z.string() })),
});

export const modalityFile = z.strictObject({
  modality: z.strictObject({ reported: words, projected: words, hedged: words }),
  notCues: words,
  /** Cue words that, written with a capital, are names or months ("in May", "Theresa May"). */
  capitalizedNotCues: words.default([]),
  attribution: entries(z.strictObject({
    pattern: pattern('iu', (p) => p.split('{source}').join(SOURCE_STANDIN))
      .refine((p) => p.split('{source}').length === 2, 'needs {source} exactly once (where the source\'s name is)'),
    /** The source is taken only when every word of it is capitalized (a name). */
    name: z.boolean().optional(),
    /** The most words the source may have (5 unless said: a pattern anchored at both ends may allow more). */
    words: z.number().int().min(1).max(12).optional(),
  })),
  questions: z.strictObject({ endsWith: words }),
  examples: z.array(z.strictObject({
    text: z.string(), modality: z.string(), attribution: z.string().optional(),
  })),
});

export const grammarFile = z.strictObject({
  figureVerbs: words,
  auxiliaries: words,
  controlVerbs: words,
  speechVerbs: words,
  valuationVerbs: words,
  pricedObjectVerbs: words,
  shortNameSuffixes: words,
  titles: words,
  subordinators: words,
  relativePronouns: words,
  thirdPersonPronouns: words,
  possessivePronouns: words,
  objectPronouns: words,
  comparisons: words,
  comparisonVerbs: words,
  groupIntroducers: words,
  listenerVerbs: words,
  wholeWords: words,
  periodWords: words,
  economyMeasures: words,
  changeLeads: words,
  changeNouns: words,
  leadingDescriptors: words,
  asideSubordinators: words,
  frontedFigurePrepositions: words,
  passiveAuxiliaries: words,
  figureLeads: words,
  phraseJoiners: words,
  measureJoiners: words,
  notPriced: words,
  fractionWords: words,
  scaleWords: words,
  nameParticles: words,
  namePlacePrepositions: words,
  partitives: words,
  verbalMultipliers: words,
  determiners: words,
  focusWords: words,
  personalPronouns: words,
  personalVerbs: words,
  metricHeads: words,
  measureAdjectives: words,
  orgWords: words,
  yearFactBefore: words,
  timeAdverbs: words,
  particles: words,
  paymentVerbs: words,
  chargeVerbs: words,
  peopleNouns: words,
  peoplePlacePrepositions: words,
  visitVerbs: words,
  compoundParticiples: words,
  subjectPronouns: words,
  thresholdWords: words,
  timeAfterWords: words,
  yearFactVerbs: words,
  selfNamedMeasures: words,
  placeAliases: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), names: words })),
  examples: z.array(z.strictObject({ text: z.string(), figure: z.string(), subject: z.string().nullable(), via: z.string().optional() })),
});

export const coreferenceFile = z.strictObject({
  anaphors: z.array(z.strictObject({
    words: words.optional(),
    heads: words.optional(),
    kinds: z.array(z.enum(['org', 'person', 'place', 'product', 'group', 'thing'])).min(1),
  }).refine((a) => (a.words?.length ?? 0) + (a.heads?.length ?? 0) > 0, 'an anaphor needs words or heads')),
  /** Descriptions that name an institution of their own, never a firm named before ("the central bank"). */
  notAnaphors: words.default([]),
  /** Prepositions whose object is passed over for a fitting entity named before it in the sentence. */
  lessSalientAfter: words.default([]),
  /** Object pronouns, which never pass over an object for the subject ("called him"). */
  objectPronouns: words.default([]),
  examples: z.array(z.strictObject({
    earlier: z.array(z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(['org', 'person', 'place', 'product', 'group', 'thing']) })),
    text: z.string(),
    resolved: z.array(z.string()),
  })),
});

export const notClaimsFile = z.strictObject({
  hypothetical: z.strictObject({ opens: words, people: words, counterfactual: words, advice: words, workedExample: words, modals: words, factAfter: words }),
  descriptors: z.strictObject({ before: words, withPhrase: z.boolean(), ageThresholds: words, verbs: words.default([]), verbAfter: words.default([]) }),
  durations: z.strictObject({ claimAfter: words, notBefore: words, leads: words }),
  ages: z.strictObject({ claimAfter: words }),
  ratingScales: z.array(z.number().int().positive()).min(1),
  ratingNouns: words,
  countStatedBy: words,
  countEvents: words,
  denominations: words,
  illustrations: z.strictObject({ before: words, after: words }),
  hyperboles: words,
  examples: z.array(z.strictObject({ text: z.string(), figure: z.string(), reason: z.enum(['hypothetical', 'descriptor', 'rating', 'time', 'denomination', 'hyperbole', 'smallnumber', 'illustration']).nullable() })),
});

/** Every rule file the pipeline reads, by id (`family.name`, from its path under rules/). */
export const ruleFiles = {
  'quantities.scales': scalesFile,
  'quantities.currencies': currenciesFile,
  'quantities.approximators': approximatorsFile,
  'quantities.vague': vagueFile,
  'quantities.multipliers': multipliersFile,
  'quantities.units': unitsFile,
  'quantities.context': contextFile,
  'noise.boilerplate': boilerplateFile,
  'normalize.unicode': unicodeFile,
  'noise.foreign': foreignFile,
  'segment.abbreviations': abbreviationsFile,
  'claims.entities': entitiesFile,
  'claims.metrics': metricsFile,
  'claims.modality': modalityFile,
  'claims.grammar': grammarFile,
  'claims.coreference': coreferenceFile,
  'claims.not-claims': notClaimsFile,
} as const;

export type RuleFileId = keyof typeof ruleFiles;
export type RuleData = { [K in RuleFileId]: z.infer<(typeof ruleFiles)[K]> };
