/**
 * Groups of claims about one thing — (subject, metric, unit family, period) — reconciled while the
 * claims stream past in (group key, figure, id) order. Only one group is open at a time and it holds
 * at most MAX_ALL_PAIRS + 1 claims, so memory does not depend on how large a group is.
 *
 * A small group compares every pair. A larger one compares neighbours by figure only: sorted by
 * figure, a disagreement anywhere in the group shows up between two neighbours, and the relations
 * stay linear in the group's size.
 */
import type { Quantified, PairRelation, Relation } from './compare.js';
import { compare, label, publishedDay } from './compare.js';
import { stableId } from '../util/hash.js';

export type GroupStatus = 'single' | 'corroborated' | 'restated' | 'consistent' | 'in tension' | 'conflicting';

export interface GroupKey {
  subject: string;
  metric: string;
  unit: string;
  period: string;
}

export interface Group {
  id: string;
  key: GroupKey;
  /** Claims in the group. */
  members: number;
  /** Independent sources: distinct articles (identical texts at several paths are one article). */
  articles: number;
  status: GroupStatus;
  reason: string;
  /** The subject's display name, for the report. */
  subject: string | null;
  /** The member from the most recently published article, when any member's article is dated and
   * the group has several claims: the latest statement of the figure. */
  latest?: { claim: string; published: string };
  /** Report lines of the first members (quote, subject, metric, source); only on the groups the
   * report shows, not in the spool. */
  sample?: string[];
}

/** Groups up to this size compare every pair; larger ones compare neighbours by figure. */
export const MAX_ALL_PAIRS = 30;
/** Members shown per group in the report. */
export const SAMPLE = 10;
/** Distinct articles counted exactly per group; beyond, the reason says "at least". */
export const ARTICLE_COUNT_CAP = 10_000;

export interface GroupSink {
  /** A finished group; `sample()` makes the report lines of its first members, when wanted. */
  group(g: Group, sample: () => string[]): void;
  member(claim: string, group: string): void;
  /** A pair relation; the two claims come along for the report's quotes. */
  relation(r: Relation, a: Quantified, b: Quantified): void;
}

export function groupKey(c: Quantified, unit: string): GroupKey {
  return {
    // A claim with no subject is compared with nothing: it stands in a group of its own.
    subject: c.subject?.id ?? `(none:${c.id})`,
    metric: c.metric ?? '(none)',
    unit,
    period: c.time ?? c.period ?? '(unstated)',
  };
}

/** The group currently streaming past. */
class OpenGroup {
  readonly id: string;
  private buffer: Quantified[] = [];
  private last: Quantified | null = null;
  private neighbours = false;
  private readonly counts: Record<PairRelation, number> = { 'corroborates': 0, 'consistent-with': 0, 'in-tension-with': 0, 'conflicts-with': 0 };
  private readonly first: Partial<Record<PairRelation, string>> = {};
  private firstPair: string | null = null;
  private pairs = 0;
  private members = 0;
  private readonly articles = new Set<string>();
  private readonly firstMembers: Quantified[] = [];
  private subject: string | null = null;
  private latest: { claim: string; published: string } | null = null;

  constructor(readonly keyText: string, private readonly key: GroupKey, private readonly sink: GroupSink) {
    this.id = stableId('group', keyText);
  }

  add(c: Quantified): void {
    if (this.members++ === 0) this.subject = c.subject?.name ?? null;
    if (this.articles.size < ARTICLE_COUNT_CAP) this.articles.add(c.source.article);
    if (this.firstMembers.length < SAMPLE) this.firstMembers.push(c);
    // Latest by day, ties to the smaller id: the same whatever order the claims came in.
    const day = publishedDay(c);
    if (day !== null && (!this.latest || day > this.latest.published || (day === this.latest.published && c.id < this.latest.claim))) this.latest = { claim: c.id, published: day };
    this.sink.member(c.id, this.id);
    if (this.neighbours) {
      this.pair(this.last!, c);
      this.last = c;
      return;
    }
    this.buffer.push(c);
    if (this.buffer.length > MAX_ALL_PAIRS) {
      // Too large for every pair: from here on, neighbours by figure (the buffer is in that order).
      this.neighbours = true;
      for (let i = 1; i < this.buffer.length; i++) this.pair(this.buffer[i - 1], this.buffer[i]);
      this.last = c;
      this.buffer = [];
    }
  }

  private pair(a: Quantified, b: Quantified): void {
    const r = compare(a, b);
    this.pairs++;
    this.counts[r.type]++;
    this.first[r.type] ??= r.reason;
    this.firstPair ??= r.reason;
    this.sink.relation(r, a, b);
  }

  finish(): void {
    const m = this.buffer;
    for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) this.pair(m[i], m[j]);
    this.buffer = [];
    const { status, reason } = this.summarize();
    const latest = this.latest && this.members > 1 ? { latest: this.latest } : {};
    this.sink.group({ id: this.id, key: this.key, members: this.members, articles: this.articles.size, status, reason, subject: this.subject, ...latest }, () => this.firstMembers.map(label));
  }

  private summarize(): { status: GroupStatus; reason: string } {
    const n = this.pairs, c = this.counts;
    if (this.members === 1) return { status: 'single', reason: 'one claim' };
    if (c['conflicts-with'] > 0) return { status: 'conflicting', reason: `${c['conflicts-with']} of ${n} pairs conflict: ${this.first['conflicts-with']}` };
    if (c['in-tension-with'] > 0) return { status: 'in tension', reason: `${c['in-tension-with']} of ${n} pairs in tension: ${this.first['in-tension-with']}` };
    if (c['corroborates'] === n) {
      const a = this.articles.size;
      // Corroboration counts independent sources: one article saying a figure twice is one source.
      if (a >= 2) return { status: 'corroborated', reason: `all ${n} pairs state the same figure, in ${a >= ARTICLE_COUNT_CAP ? `at least ${a}` : a} independent articles: ${this.firstPair}` };
      return { status: 'restated', reason: `all ${n} pairs state the same figure, all in one article (a restatement, not independent corroboration): ${this.firstPair}` };
    }
    return { status: 'consistent', reason: `${c['consistent-with']} of ${n} pairs overlap: ${this.first['consistent-with'] ?? ''}` };
  }
}

/** Feeds claims sorted by (group key text, figure, id); call finish() after the last one. */
export class GroupStream {
  private open: OpenGroup | null = null;

  constructor(private readonly sink: GroupSink) {}

  add(c: Quantified, keyText: string, key: GroupKey): void {
    if (this.open?.keyText !== keyText) {
      this.open?.finish();
      this.open = new OpenGroup(keyText, key, this.sink);
    }
    this.open.add(c);
  }

  finish(): void {
    this.open?.finish();
    this.open = null;
  }
}
