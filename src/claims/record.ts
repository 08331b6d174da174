/**
 * One claim record in the output contract (DESIGN.md), with its provenance: article path and
 * sha256, sentence and figure spans in the source, quotes, rule id, pipeline and rules versions.
 * Nothing is written twice: the sentence's span is `span` (no provenance.sentence), and the W3C
 * selectors a Web Annotation export needs are made from span, quote and source.path there.
 */
import type { ClaimRules } from './rules.js';
import type { ClaimInput } from './build.js';
import type { Sentence } from '../types.js';
import type { ClaimRecord } from '../records.js';
import type { SentenceQuantity } from '../quantities/extract.js';
import type { EntityMention } from './entities.js';
import type { Modality } from './modality.js';
import { toSource } from '../normalize/normalized-text.js';
import { stableId } from '../util/hash.js';
import { LineIndex } from '../util/position.js';

export interface RecordInput {
  sentence: Sentence;
  q: SentenceQuantity | null;
  subject: EntityMention | null;
  metric: string | null;
  period: string | null;
  time: string | null;
  /** The relative expression `time` was resolved from ("last year"), when it was. */
  timeText?: string;
  modality: Modality;
  attribution: string | null;
  predicate: string | null;
}

const lineIndexes = new WeakMap<ClaimInput['article'], LineIndex>();

function lineIndexOf(a: ClaimInput): LineIndex {
  let index = lineIndexes.get(a.article);
  if (!index) lineIndexes.set(a.article, (index = new LineIndex(a.article.text)));
  return index;
}

export function makeRecord(a: ClaimInput, rules: ClaimRules, r: RecordInput): ClaimRecord {
  const src = a.article.text;
  const sentence = toSource(a.norm, r.sentence);
  const figure = r.q ? toSource(a.norm, { start: r.sentence.start + r.q.span.start, end: r.sentence.start + r.q.span.end }) : sentence;
  const rule = r.q ? r.q.rule : 'claims/qualitative';
  const { line, column } = lineIndexOf(a).lineCol(figure.start);
  return {
    id: stableId(a.article.sha256, figure.start, figure.end, rule, r.subject?.entity.id),
    // The article's metadata (front matter, sidecar), only the fields it gives.
    source: { path: a.article.path, sha256: a.article.sha256, article: a.article.id, ...a.article.meta },
    span: sentence,
    quote: src.slice(sentence.start, sentence.end),
    subject: r.subject ? {
      id: r.subject.entity.id,
      name: r.subject.entity.name,
      kind: r.subject.entity.kind,
      mention: r.subject.text,
      via: r.subject.via,
      parent: r.subject.entity.parent ?? null,
    } : null,
    // A code, explained once in the schema and README instead of on every line (SUBJECT_REASONS).
    subjectReason: r.subject ? null : 'no-entity',
    metric: r.metric,
    quantity: r.q ? {
      kind: r.q.kind,
      span: figure,
      quote: src.slice(figure.start, figure.end),
      value: r.q.value,
      low: r.q.low,
      high: r.q.high,
      bound: r.q.bound,
      unit: r.q.unit,
      per: r.q.per,
      implied: r.q.implied ?? false,
      rule: r.q.rule,
      ...(r.q.reason ? { reason: r.q.reason } : {}),
    } : null,
    predicate: r.predicate,
    time: r.time,
    ...(r.timeText ? { timeText: r.timeText } : {}),
    period: r.period,
    modality: r.modality,
    attribution: r.attribution,
    rule,
    provenance: { ...rules.versions, line, column },
  };
}
