/**
 * What the JSON-LD and N-Quads exports say, made once for both so they never drift: each claim
 * as a JSON-LD node object under one fixed @context, and the RDF triples of such a node (what a
 * JSON-LD processor would make of it; tests/export.test.ts checks that against the `jsonld`
 * package).
 *
 * The model (README "Linked data"):
 * - each claim is a W3C Web Annotation (oa:Annotation) whose target is its span in the article
 *   — the figure for a claim with one, else the sentence, as claims.jsonl's `target` was — with a
 *   TextPositionSelector (start, end) and a TextQuoteSelector (exact, prefix, suffix);
 * - W3C PROV: the article is a prov:Entity; the activity is one pipeline version with one rules
 *   hash (prov:Activity, prov:used the rule set and each article, prov:wasAssociatedWith the
 *   pipeline as a prov:SoftwareAgent); each claim is a prov:Entity prov:wasGeneratedBy the
 *   activity and prov:wasDerivedFrom the article;
 * - everything else (subject, metric, the figure's value, bounds and unit, modality…) as
 *   properties in the project vocabulary VOCAB.
 *
 * Every node has an IRI (ID_BASE + graph.json's id with "/" for ":"; a claim's target and
 * selectors are fragments of the claim's IRI), so there are no blank nodes and the same run
 * always gives the same triples. Nulls are left out (RDF has none).
 */
import { claimRecords } from './read.js';
import { ArticleTexts } from './article-text.js';
import type { ClaimRecord } from '../records.js';

/** The project vocabulary: classes and properties of claims, articles and subjects. */
export const VOCAB = 'https://claims.dev/ns#';
/** Where the IRIs of claims, articles, subjects and activities start. */
export const ID_BASE = 'https://claims.dev/id/';

const PREFIXES = {
  claims: VOCAB,
  oa: 'http://www.w3.org/ns/oa#',
  prov: 'http://www.w3.org/ns/prov#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
export const XSD_STRING = `${PREFIXES.xsd}string`;

/**
 * A JSON-LD term: a class (a value of "type"), or a property whose values are IRIs or nested
 * nodes (`id`), terms standing for IRIs (`vocab`), or literals (typed by `datatype` if given,
 * else by their JSON type, as JSON-LD does).
 */
type Term = { iri: string; kind: 'class' | 'id' | 'vocab' | 'literal'; datatype?: string };
const term = (compact: string, kind: Term['kind'] = 'literal', datatype?: string): Term => {
  const [prefix, local] = compact.split(':') as [keyof typeof PREFIXES, string];
  return { iri: PREFIXES[prefix] + local, kind, datatype: datatype && PREFIXES.xsd + datatype };
};
const compactOf = (iri: string) => {
  for (const [prefix, ns] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
};

/** The terms of the @context, by the name the JSON-LD uses. The W3C names (target, source,
 * selector, start, end, exact, prefix, suffix) are those of the Web Annotation context. */
export const TERMS: Record<string, Term> = {
  // Classes
  Annotation: term('oa:Annotation', 'class'),
  SpecificResource: term('oa:SpecificResource', 'class'),
  TextPositionSelector: term('oa:TextPositionSelector', 'class'),
  TextQuoteSelector: term('oa:TextQuoteSelector', 'class'),
  describing: term('oa:describing', 'class'),
  Entity: term('prov:Entity', 'class'),
  Activity: term('prov:Activity', 'class'),
  SoftwareAgent: term('prov:SoftwareAgent', 'class'),
  Claim: term('claims:Claim', 'class'),
  Article: term('claims:Article', 'class'),
  Subject: term('claims:Subject', 'class'),
  RuleSet: term('claims:RuleSet', 'class'),
  // Web Annotation
  motivation: term('oa:motivatedBy', 'vocab'),
  target: term('oa:hasTarget', 'id'),
  source: term('oa:hasSource', 'id'),
  selector: term('oa:hasSelector', 'id'),
  start: term('oa:start', 'literal', 'nonNegativeInteger'),
  end: term('oa:end', 'literal', 'nonNegativeInteger'),
  exact: term('oa:exact'),
  prefix: term('oa:prefix'),
  suffix: term('oa:suffix'),
  // PROV
  wasGeneratedBy: term('prov:wasGeneratedBy', 'id'),
  wasDerivedFrom: term('prov:wasDerivedFrom', 'id'),
  used: term('prov:used', 'id'),
  wasAssociatedWith: term('prov:wasAssociatedWith', 'id'),
  // The project vocabulary: an article
  path: term('claims:path'),
  sha256: term('claims:sha256'),
  // a subject (graph.json's entity)
  name: term('claims:name'),
  kind: term('claims:kind'),
  parent: term('claims:parent', 'id'),
  // the activity, its rule set and agent
  pipelineVersion: term('claims:pipelineVersion'),
  rulesHash: term('claims:rulesHash'),
  // a claim
  claimId: term('claims:claimId'),
  quote: term('claims:quote'),
  spanStart: term('claims:spanStart'),
  spanEnd: term('claims:spanEnd'),
  subject: term('claims:subject', 'id'),
  subjectMention: term('claims:subjectMention'),
  subjectVia: term('claims:subjectVia'),
  subjectReason: term('claims:subjectReason'),
  metric: term('claims:metric'),
  quantityKind: term('claims:quantityKind'),
  value: term('claims:value', 'literal', 'double'),
  low: term('claims:low', 'literal', 'double'),
  high: term('claims:high', 'literal', 'double'),
  bound: term('claims:bound'),
  unit: term('claims:unit'),
  per: term('claims:per'),
  implied: term('claims:implied'),
  quantityRule: term('claims:quantityRule'),
  quantityReason: term('claims:quantityReason'),
  predicate: term('claims:predicate'),
  time: term('claims:time'),
  period: term('claims:period'),
  modality: term('claims:modality'),
  attribution: term('claims:attribution'),
  rule: term('claims:rule'),
  line: term('claims:line'),
  column: term('claims:column'),
  reviewDecision: term('claims:reviewDecision'),
  reviewBy: term('claims:reviewBy'),
  reviewAt: term('claims:reviewAt'),
  reviewNote: term('claims:reviewNote'),
  originalSubject: term('claims:originalSubject'),
  originalValue: term('claims:originalValue', 'literal', 'double'),
  originalUnit: term('claims:originalUnit'),
};

/** The fixed @context of claims.jsonld, made from TERMS: nothing is fetched to read the file. */
export function jsonldContext(): Record<string, unknown> {
  const context: Record<string, unknown> = { ...PREFIXES, id: '@id', type: '@type' };
  for (const [name, t] of Object.entries(TERMS)) {
    const id = compactOf(t.iri);
    if (t.kind === 'class' || (t.kind === 'literal' && !t.datatype)) context[name] = id;
    else context[name] = { '@id': id, '@type': t.kind === 'id' ? '@id' : t.kind === 'vocab' ? '@vocab' : compactOf(t.datatype!) };
  }
  return context;
}

export type JsonValue = string | number | boolean | NodeObject;
export interface NodeObject {
  id: string;
  type?: string | string[];
  [term: string]: JsonValue | JsonValue[] | undefined;
}

/** An IRI under ID_BASE from path segments (graph.json's ids hold any character, so each is
 * percent-encoded). */
export const iri = (...segments: string[]) => ID_BASE + segments.map(encodeURIComponent).join('/');

/** Lone surrogates (no character; invalid in UTF-8, so in N-Quads and JSON read as UTF-8)
 * become U+FFFD, as they do in the other exports. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (s: string) => s.replace(LONE_SURROGATE, '\uFFFD');

/** `node` without its null and undefined values, with well-formed strings. */
function clean<T extends JsonValue | JsonValue[]>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = clean(v as JsonValue);
  return out as T;
}

/**
 * The node objects of the run in `out`, claim by claim from claims.jsonl: before a claim, the
 * article, subject, activity, rule set and pipeline it refers to, each the first time it is met
 * (a set of their IRIs is all that is kept: a few per article, not per claim).
 */
export function* linkedDataNodes(out: string, onClaim: () => void = () => {}): Generator<NodeObject> {
  const texts = new ArticleTexts(out);
  const described = new Set<string>();
  const first = (id: string) => !described.has(id) && (described.add(id), true);
  for (const c of claimRecords(out)) {
    const { pipeline, rules } = c.provenance;
    const article = iri('article', c.source.article);
    const activity = iri('activity', pipeline, rules);
    if (first(activity)) {
      const agent = iri('pipeline', pipeline), ruleSet = iri('rules', rules);
      if (first(agent)) yield { id: agent, type: 'SoftwareAgent', pipelineVersion: pipeline };
      if (first(ruleSet)) yield { id: ruleSet, type: ['RuleSet', 'Entity'], rulesHash: rules };
      yield { id: activity, type: 'Activity', pipelineVersion: pipeline, rulesHash: rules, used: ruleSet, wasAssociatedWith: agent };
    }
    if (first(article)) yield clean({ id: article, type: ['Article', 'Entity'], path: c.source.path, sha256: c.source.sha256 });
    // The same node again with one more prov:used: JSON-LD merges node objects with one id.
    if (first(`${activity} ${article}`)) yield { id: activity, used: article };
    if (c.subject && first(iri('entity', c.subject.id))) {
      const { id, name, kind, parent } = c.subject;
      yield clean({ id: iri('entity', id), type: 'Subject', name, kind, parent: parent === null ? undefined : iri('entity', parent) });
    }
    onClaim();
    yield claimNode(c, texts, { article, activity });
  }
}

function claimNode(c: ClaimRecord, texts: ArticleTexts, refs: { article: string; activity: string }): NodeObject {
  const id = iri('claim', c.id);
  const q = c.quantity;
  // The annotation's target is the figure for a claim with one, else its sentence.
  const span = q ? q.span : c.span;
  const review = c.provenance.review;
  return clean({
    id,
    type: ['Claim', 'Annotation', 'Entity'],
    claimId: c.id,
    motivation: 'describing',
    target: {
      id: `${id}#target`,
      type: 'SpecificResource',
      source: refs.article,
      selector: [
        { id: `${id}#position`, type: 'TextPositionSelector', start: span.start, end: span.end },
        { id: `${id}#quote`, type: 'TextQuoteSelector', ...texts.quoteContext(c, span) },
      ],
    },
    wasGeneratedBy: refs.activity,
    wasDerivedFrom: refs.article,
    quote: c.quote,
    spanStart: c.span.start,
    spanEnd: c.span.end,
    subject: c.subject ? iri('entity', c.subject.id) : undefined,
    subjectMention: c.subject?.mention,
    subjectVia: c.subject?.via,
    subjectReason: c.subjectReason,
    metric: c.metric,
    quantityKind: q?.kind,
    value: q?.value,
    low: q?.low,
    high: q?.high,
    bound: q?.bound,
    unit: q?.unit,
    per: q?.per,
    implied: q?.implied,
    quantityRule: q?.rule,
    quantityReason: q?.reason,
    predicate: c.predicate,
    time: c.time,
    period: c.period,
    modality: c.modality,
    attribution: c.attribution,
    rule: c.rule,
    line: c.provenance.line,
    column: c.provenance.column,
    reviewDecision: review?.decision,
    reviewBy: review?.by,
    reviewAt: review?.at,
    reviewNote: review?.note,
    originalSubject: review?.original?.subject,
    originalValue: review?.original?.value,
    originalUnit: review?.original?.unit,
  } as NodeObject);
}

/** One RDF triple: IRIs as strings, literals as { value, datatype }. */
export type Triple = [subject: string, predicate: string, object: string | { value: string; datatype: string }];

/**
 * The triples of `node` and the nodes nested in it, as JSON-LD's RDF conversion makes them under
 * jsonldContext() (JSON-LD 1.1's "Object to RDF Conversion"): a number typed xsd:double, or not a whole number, is a
 * canonical xsd:double ("1.5E9"), other numbers xsd:integer or their term's datatype, booleans
 * xsd:boolean, strings xsd:string.
 */
export function* triples(node: NodeObject): Generator<Triple> {
  for (const [name, values] of Object.entries(node)) {
    if (name === 'id' || values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) {
      if (name === 'type') {
        yield [node.id, RDF_TYPE, TERMS[value as string].iri];
        continue;
      }
      const t = TERMS[name];
      if (!t) throw new Error(`no term ${name} in the linked-data context`);
      if (t.kind === 'id' && typeof value === 'object') {
        yield [node.id, t.iri, value.id];
        yield* triples(value);
      } else if (t.kind === 'id') yield [node.id, t.iri, String(value)];
      else if (t.kind === 'vocab') yield [node.id, t.iri, TERMS[value as string].iri];
      else yield [node.id, t.iri, literal(value as string | number | boolean, t.datatype)];
    }
  }
}

const XSD = PREFIXES.xsd;

function literal(value: string | number | boolean, datatype?: string): { value: string; datatype: string } {
  if (typeof value === 'boolean') return { value: String(value), datatype: datatype ?? `${XSD}boolean` };
  if (typeof value === 'string') return { value, datatype: datatype ?? XSD_STRING };
  if (datatype === `${XSD}double` || !Number.isInteger(value) || Math.abs(value) >= 1e21) return { value: xsdDouble(value), datatype: datatype ?? `${XSD}double` };
  return { value: value.toFixed(0), datatype: datatype ?? `${XSD}integer` };
}

/** XSD's canonical double ("1.0E9", "-2.5E-1"), with all the digits the number needs: JSON-LD
 * processors write 16 significant digits, which can round the 17th away. */
export function xsdDouble(n: number): string {
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}
