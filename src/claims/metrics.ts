/**
 * What a figure measures: the lexicon of rules/claims/metrics.yml (cue words and counted nouns),
 * with the counted noun itself as the fallback, plus a period ("weekly") when the clause says so.
 */
import type { RuleData } from '../rules/schema.js';
import { wordsRegex } from '../util/regex.js';

export interface MetricRules {
  metrics: { metric: string; units: Set<string>; cue: RegExp | null; fallback: boolean }[];
  periods: { period: string; cue: RegExp }[];
}


export function compileMetrics(data: RuleData['claims.metrics']): MetricRules {
  return {
    metrics: data.metrics.map((m) => ({
      metric: m.metric,
      units: new Set((m.units ?? []).map((u) => u.toLowerCase())),
      cue: m.words || m.verbs ? wordsRegex([...(m.words ?? []), ...(m.verbs ?? [])], 'giu') : null,
      fallback: m.fallback ?? false,
    })),
    periods: data.periods.map((p) => ({ period: p.period, cue: wordsRegex(p.words, 'giu') })),
  };
}

export interface MetricInput {
  /** The clause or sentence around the figure. */
  text: string;
  /** The figure's offsets in `text`. */
  start: number;
  end: number;
  /** Counted noun, if any ("users"). */
  unit: string | null;
  /** Per-unit rate of the figure ("month"): a rate's period is not the metric's period. */
  per: string | null;
  /** A label that names the metric outright (a table row's label). */
  label?: string;
}

/** The metric and period of a figure. `measure` is what the clause's structure says is measured
 * ("Portugal's exports" → exports): it wins over cue words, and a bare direction ("rose" →
 * growth) is added to it ("exports growth"). */
export function metricOf(input: MetricInput, rules: MetricRules, measure: string | null = null): { metric: string | null; period: string | null } {
  const period = periodOf(input, rules);
  const found = baseMetric(input, rules);
  // ("subscriber growth" already says its direction: no "subscriber growth growth".)
  const base = measure ? (found?.direction && !measure.endsWith(found.metric) ? `${measure} ${found.metric}` : measure) : found?.metric ?? null;
  if (!base) return { metric: null, period };
  return { metric: period && !base.startsWith(period) && !input.per ? `${period} ${base}` : base, period };
}

function baseMetric(input: MetricInput, rules: MetricRules): { metric: string; direction: boolean } | null {
  if (input.label) {
    for (const m of rules.metrics) {
      if (m.cue) { m.cue.lastIndex = 0; if (m.cue.test(input.label)) return { metric: m.metric, direction: false }; }
    }
    const label = input.label.toLowerCase().replace(/^(estimated|projected|expected|approximate|total)\s+/, '').trim();
    return label ? { metric: label, direction: false } : null;
  }
  const unit = input.unit?.toLowerCase() ?? null;
  if (unit) for (const m of rules.metrics) if (m.units.has(unit)) return { metric: m.metric, direction: false };
  // A count says what it measures by its noun: a cue elsewhere in the sentence is another
  // figure's ("cut 900 jobs as sales slow" measures jobs, not revenue).
  if (unit) return { metric: unit, direction: false };
  // The cue nearest the figure wins; fallback cues ("rose") only when nothing else is there.
  let best: { metric: string; distance: number; direction: boolean } | null = null;
  for (const fallback of [false, true]) {
    if (best) break;
    for (const m of rules.metrics) {
    if (!m.cue || m.fallback !== fallback) continue;
    m.cue.lastIndex = 0;
    for (let hit = m.cue.exec(input.text); hit; hit = m.cue.exec(input.text)) {
      const distance = hit.index >= input.end ? hit.index - input.end : hit.index + hit[0].length <= input.start ? input.start - hit.index - hit[0].length : 0;
      if (!best || distance < best.distance) best = { metric: m.metric, distance, direction: fallback };
    }
    }
  }
  return best ? { metric: best.metric, direction: best.direction } : null;
}

/** How far from a count (in characters) a period word may stand and still be the count's. */
const COUNT_PERIOD_REACH = 24;

/** Whether words at [from, to) are inside the figure or within reach of it, with no clause
 * punctuation or conjunction between. */
function nearCount(input: MetricInput, from: number, to: number): boolean {
  if (from >= input.start && to <= input.end) return true;
  const between = from >= input.end ? input.text.slice(input.end, from) : to <= input.start ? input.text.slice(to, input.start) : '';
  return between.length <= COUNT_PERIOD_REACH && !/[,;:()]|\b(?:and|or|but|while)\b/i.test(between);
}

function periodOf(input: MetricInput, rules: MetricRules): string | null {
  for (const p of rules.periods) {
    p.cue.lastIndex = 0;
    for (let hit = p.cue.exec(input.text); hit; hit = p.cue.exec(input.text)) {
      // "$20 per month" is a rate, not a weekly/monthly metric: skip the figure's own rate words.
      if (input.per && hit.index >= input.start && hit.index < input.end) continue;
      // A count's period is in its own words or near them in its clause ("1 billion weekly users",
      // "users interacting each week", "the number of people … per year was 195,800"), not in
      // another figure's ("… 4,500 companies and an annual turnover of £6 billion").
      if (input.unit && !nearCount(input, hit.index, hit.index + hit[0].length)) continue;
      return p.period;
    }
  }
  return null;
}
