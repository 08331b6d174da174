/**
 * zod schemas of every record the pipeline writes (the output contract). Records are validated where
 * they are made, and the JSON Schemas in output/schema/ are generated from these (z.toJSONSchema).
 */
import { z } from 'zod';

/**
 * The version of the output format: what claims.jsonl, noise.jsonl, graph.json, run.json and
 * manifest.json hold and how. It changes only when a reader would have to change (a field
 * removed, renamed or retyped, a meaning changed); CHANGELOG.md lists each change. It is not the
 * pipeline's version (package.json), which changes with every release, nor the rules' hash.
 *
 * Where it is stated: as `format` in run.json, graph.json and manifest.json, and in the `$id` of
 * every schema in schema/. The JSON Lines files carry no header or per-line field, so every line
 * stays one record for any JSONL reader (pandas, jq, the scorers): their version is that of the
 * run.json beside them.
 */
export const FORMAT_VERSION = 2;

/** The `format` value of the JSON files: "claims/2". */
export const FORMAT = `claims/${FORMAT_VERSION}`;

/** A schema's `$id`: a URN, as the format has no web address of its own to resolve. */
export const schemaId = (name: string) => `urn:claims:format:${FORMAT_VERSION}:${name}`;

/*
 * The review decisions contract (issue 12), shared by the review page (which writes
 * decisions.jsonl), the run (which applies it: src/review/decisions.ts) and claims.jsonl (where a
 * kept claim says it was reviewed, provenance.review) and run.json (what a decisions file did).
 */
/** A correction: any of subject (a name), value and unit; what is not given is kept. */
export const correctionSchema = z.strictObject({
  subject: z.string().min(1).optional().describe('The corrected subject, by name (a lexicon entity\'s name becomes that entity).'),
  value: z.number().finite().optional().describe('The corrected value of the figure.'),
  unit: z.string().min(1).optional().describe('The corrected unit of the figure.'),
}).describe('A correction: any of subject, value and unit; what is not given is kept.');

/** One line of a decisions file. The last line for a claim id wins (the page writes one). */
export const decisionSchema = z.strictObject({
  claim: z.string().min(1).describe('The id of the claim decided on.'),
  decision: z.enum(['accept', 'reject', 'correct']).describe('accept keeps the claim, reject drops it, correct changes it.'),
  correction: correctionSchema.optional(),
  by: z.string().nullable().optional().describe('Who decided.'),
  /** When, as the reviewer's browser said it (ISO 8601); data, so output stays reproducible. */
  at: z.string().nullable().optional().describe('When, as the reviewer\'s browser said it (ISO 8601).'),
  note: z.string().nullable().optional().describe('The reviewer\'s note.'),
}).refine((d) => d.decision !== 'correct' || (d.correction && Object.keys(d.correction).length > 0), {
  message: 'a "correct" decision needs a correction with subject, value or unit',
});
export type Decision = z.infer<typeof decisionSchema>;

/** What a kept claim carries in provenance.review. */
export const reviewProvenanceSchema = z.strictObject({
  decision: z.enum(['accept', 'correct']).describe('What the reviewer decided.'),
  by: z.string().nullable().describe('Who decided.'),
  at: z.string().nullable().describe('When, as the reviewer\'s browser said it (ISO 8601).'),
  note: z.string().nullable().describe('The reviewer\'s note.'),
  /** The fields as extracted, before the correction (correct only). */
  original: z.strictObject({
    subject: z.string().nullable().describe('The subject\'s name as extracted.'),
    value: z.number().nullable().describe('The value as extracted.'),
    unit: z.string().nullable().describe('The unit as extracted.'),
  }).nullable().describe('The fields as extracted, before the correction (correct only).'),
}).describe('Set by `claims run --decisions` on a claim a reviewer accepted or corrected.');
export type ReviewProvenance = z.infer<typeof reviewProvenanceSchema>;

/** run.json's account of a decisions file: what was applied, and ids that matched no claim. */
export const decisionsReportSchema = z.strictObject({
  file: z.string().describe('The decisions file given.'),
  accepted: z.number().int().describe('Claims accepted.'),
  rejected: z.number().int().describe('Claims rejected (dropped from the outputs).'),
  corrected: z.number().int().describe('Claims corrected.'),
  unknown: z.array(z.string()).describe('Claim ids in the file that no claim of the run has, sorted.'),
}).describe('What a --decisions file did to the run.');
export type DecisionsReport = z.infer<typeof decisionsReportSchema>;

export const spanSchema = z.strictObject({
  start: z.number().int().min(0).describe('First UTF-16 code unit, from 0, in the article text as decoded.'),
  end: z.number().int().min(0).describe('One past the last UTF-16 code unit (end exclusive).'),
}).describe('A stretch of the article text: UTF-16 offsets (JavaScript string indices), end exclusive.');

/** An ISO 8601 calendar date, optionally with a time ("2025-02-01", "2025-02-01T08:30:00Z"):
 * the only form `published` takes, so dates compare as strings. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** What an article's front matter or its `<name>.meta.json` sidecar may say about it (README
 * "Article metadata"). Every field is optional; only those given appear on claims. */
export const articleMetaSchema = z.strictObject({
  url: z.string().min(1).optional().describe('Where the article was published, kept verbatim.'),
  outlet: z.string().min(1).optional().describe('The publication it appeared in.'),
  published: z.string().regex(ISO_DATE).optional().describe('When it was published: an ISO 8601 date (2025-02-01), optionally with a time.'),
  language: z.string().min(1).optional().describe('Its language, as given (a BCP 47 tag such as "en" is usual).'),
  title: z.string().min(1).optional().describe('Its headline.'),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const quantitySchema = z.strictObject({
  kind: z.enum(['money', 'count', 'percent', 'ratio', 'multiplier', 'date', 'measure', 'duration', 'age']).describe('What kind of figure it is.'),
  span: spanSchema.describe('Where the figure itself is in the source ("up to $600 billion").'),
  quote: z.string().describe('The figure as written: the source text at span.'),
  value: z.number().nullable().describe('The figure as a number (scale words applied: "$1.5bn" is 1500000000); null for a range or a number too large to hold.'),
  low: z.number().nullable().describe('The lower end of what the figure allows, or null when it has none.'),
  high: z.number().nullable().describe('The upper end of what the figure allows, or null when it has none.'),
  bound: z.enum(['exact', 'approx', 'at_least', 'at_most', 'range']).describe('How the figure bounds the value: exact, approx ("about"), at_least ("more than"), at_most ("up to"), range.'),
  unit: z.string().describe('ISO 4217 code for money, "percent", "ratio", "times", "year", a unit name for measures, the counted noun for counts.'),
  per: z.string().nullable().describe('The rate\'s denominator ("month", "person"), or null.'),
  implied: z.boolean().describe('True when the currency is not written but implied by the context.'),
  rule: z.string().describe('The rule that read the figure: rules file and entry, or stage and reader.'),
  /** Why value, low and high are null although the figure was read ("too large to hold as a number"). */
  reason: z.string().optional().describe('Why value, low and high are null although the figure was read ("too large to hold as a number").'),
}).describe('The figure the claim states.');

export type QuantityRecord = z.infer<typeof quantitySchema>;

export const subjectSchema = z.strictObject({
  id: z.string().describe('Stable id of the entity (lexicon id, or made from the name).'),
  name: z.string().describe('The entity\'s name.'),
  kind: z.enum(['org', 'person', 'place', 'product', 'group', 'thing']).describe('What kind of entity it is.'),
  mention: z.string().describe('How the text refers to it where the figure is ("the firm", "it", the name).'),
  /** How the subject was found: from the clause (clause-subject, of-complement, possessive-owner,
   * passive-agent, object, relative-clause, parenthesis, same-as-figure, after-figure, counted-noun,
   * before-colon, where-counted, share-of, payer, recipient, speaker), coreference, or the older
   * sources (lexicon, nlp, table, lead-in, carried); README "Who a figure is about". */
  via: z.string().describe('How the subject was found: from the clause (clause-subject, of-complement, possessive-owner, passive-agent, object, relative-clause, parenthesis, same-as-figure, after-figure, counted-noun, before-colon, where-counted, share-of, payer, recipient, speaker), coreference, or lexicon, nlp, table, lead-in, carried.'),
  parent: z.string().nullable().describe('The id of the entity it is part of, or null.'),
}).describe('The entity the claim is about.');

export type SubjectRecord = z.infer<typeof subjectSchema>;

/** The codes of subjectReason and what each means (the schema's description carries them too). */
export const SUBJECT_REASONS = {
  'no-entity': 'no entity in the sentence, its lead-in or the two sentences before it',
} as const;

export const claimSchema = z.strictObject({
  id: z.string().describe('Stable id, derived from the article\'s content, the figure\'s place, its rule and its subject.'),
  source: z.strictObject({
    path: z.string().describe('The article\'s path relative to the working directory, with forward slashes (or the name it was given).'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the article\'s bytes.'),
    article: z.string().describe('The article\'s id: the first 16 hex digits of sha256.'),
    ...articleMetaSchema.shape,
  }).describe('The article the claim is stated in, with its metadata (front matter or sidecar; only fields given).'),
  /** The claim's sentence in the source. */
  span: spanSchema.describe('The claim\'s sentence in the source.'),
  quote: z.string().describe('The sentence as written: the source text at span.'),
  subject: subjectSchema.nullable().describe('The entity the claim is about, or null (then subjectReason says why).'),
  /** Why subject is null, when it is: a code of SUBJECT_REASONS. */
  subjectReason: z.enum(Object.keys(SUBJECT_REASONS) as [keyof typeof SUBJECT_REASONS]).nullable()
    .describe(`Why subject is null, as a code (null when there is a subject): ${Object.entries(SUBJECT_REASONS).map(([k, v]) => `${k} = ${v}`).join('; ')}.`),
  metric: z.string().nullable().describe('What the figure measures ("revenue", "weekly users"), or null.'),
  quantity: quantitySchema.nullable().describe('The figure the claim states, or null for a qualitative claim.'),
  /** Qualitative claims: what the sentence says of its subject. */
  predicate: z.string().nullable().describe('Qualitative claims (quantity null): what the sentence says of its subject.'),
  time: z.string().nullable().describe('When the claim holds: as written ("2026", "Q3 2025", "next two years"), or, for a relative expression in an article with a published date, resolved against it ("2024" for "last year", "2025-03" for "in March", "2025-01-31" for "yesterday").'),
  timeText: z.string().optional().describe('The relative time expression as written ("last year"), present only when time was resolved from it.'),
  period: z.string().nullable().describe('The period a rate or total covers ("a year"), or null.'),
  modality: z.enum(['asserted', 'reported', 'projected', 'hedged']).describe('How the claim is put: asserted, reported (attributed), projected (a plan or forecast), hedged.'),
  attribution: z.string().nullable().describe('Who says so, when the text names a source, or null.'),
  rule: z.string().describe('The rule that made the claim (the figure\'s rule, or claims/qualitative).'),
  provenance: z.strictObject({
    pipeline: z.string().describe('The pipeline\'s version.'),
    rules: z.string().describe('The first 16 hex digits of the rules\' hash.'),
    line: z.number().int().describe('Line of the figure (or sentence) in the source, from 1.'),
    column: z.number().int().describe('Column of the figure (or sentence) in its line, from 1, in UTF-16 code units.'),
    /** Set by `claims run --decisions` on a claim a reviewer accepted or corrected. */
    review: reviewProvenanceSchema.optional(),
  }).describe('What made the claim and where it is: versions, line and column.'),
}).describe('One claim, a line of claims.jsonl.');

export type ClaimRecord = z.infer<typeof claimSchema>;

/** A flagged stretch of the source (noise), or a figure that was read but is not a claim
 * (rejected): where, what, why, and the rule that said so. */
export const flagSchema = z.strictObject({
  span: spanSchema,
  quote: z.string().describe('The source text at span.'),
  reason: z.string().describe('Why it is flagged or not taken.'),
  rule: z.string().describe('The rule that said so.'),
}).describe('A flagged stretch of the source, or a figure read but not taken as a claim.');

export const articleReportSchema = z.strictObject({
  path: z.string().describe('The article\'s path, as its claims give it.'),
  sha256: z.string().describe('sha256 of the article\'s bytes.'),
  id: z.string().describe('The article\'s id.'),
  encoding: z.string().describe('The encoding it was decoded from (utf-8, utf-16le, utf-16be).'),
  noise: z.array(flagSchema).describe('Stretches that must not produce claims: boilerplate, foreign script or words, list markers, bare numbers, URLs.'),
  rejected: z.array(flagSchema).describe('Figures read but not taken as claims, with why.'),
  claims: z.number().int().describe('Claims the article gave.'),
  warnings: z.array(z.string()).optional().describe('What was wrong with the article\'s metadata (front matter or sidecar) and ignored; present only when something was.'),
}).describe('One article\'s noise report, a line of noise.jsonl.');
export type ArticleReport = z.infer<typeof articleReportSchema>;
