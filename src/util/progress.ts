/**
 * The CLI's progress line (only on a terminal): the phase, articles done of all, the rate and an
 * estimate of the time left. The estimate is the phase's own: articles left at the rate this
 * phase has gone at so far, once it has gone long enough (a second, and a few articles) for
 * the rate to mean something; before that, and in the phases that are one step (reconciling,
 * writing), none is shown rather than a wild guess.
 */
export type Phase = 'reading' | 'extracting' | 'reconciling' | 'writing';

export interface ProgressPoint {
  phase: Phase;
  done: number;
  total: number;
  failed: number;
}

/** Seconds and articles a phase must have run before it gives an estimate. */
const SETTLE_MS = 1000;
const SETTLE_DONE = 3;

/** "42s", "3m05s", "1h02m". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Makes progress lines; `now` is injectable so the estimate can be tested without waiting. */
export class ProgressLine {
  private phase: Phase | null = null;
  private since = 0;
  private doneAtStart = 0;

  constructor(private readonly now: () => number = Date.now) {}

  line(p: ProgressPoint): string {
    const t = this.now();
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.since = t;
      this.doneAtStart = p.done;
    }
    if (p.phase === 'reconciling' || p.phase === 'writing') return `${p.phase}: ${p.total} articles, ${p.failed} failed`;
    const elapsed = (t - this.since) / 1000;
    const moved = p.done - this.doneAtStart;
    const rate = elapsed > 0 ? moved / elapsed : 0;
    const settled = t - this.since >= SETTLE_MS && moved >= SETTLE_DONE && rate > 0;
    const eta = p.done >= p.total ? 'ETA 0s' : settled ? `ETA ${formatDuration((p.total - p.done) / rate)}` : 'ETA …';
    return `${p.phase}: ${p.done}/${p.total} articles, ${p.failed} failed, ${rate.toFixed(1)}/s, ${eta}`;
  }
}
