/**
 * Relative times ("last year", "in March", "yesterday") made concrete against the article's
 * published date. Finding the expressions in a sentence is chrono-node's work (its English casual
 * parser knows the month names, "yesterday", "last quarter"…); this module decides which of its
 * finds are safe to take and dates them by calendar arithmetic on the published day, so no clock
 * or time zone of the machine enters (chrono dates relative expressions in local time, which
 * moved "this year" of a 31 December story to the next year at UTC+14):
 *
 * - a year, month, quarter or week named relative to now ("last year" → "2024", "next month" →
 *   "2025-03", "last quarter" → "2024-Q4", "this week" → "2025-W07");
 * - yesterday, today, tomorrow → the day ("2025-02-09");
 * - a month named without a year after a preposition ("in March", "since May") → that month in the
 *   year that puts it nearest the published day ("2025-03"), with a day when one is written ("on
 *   March 5" → "2025-03-05"). Without the preposition a month name may be a verb ("march 5 miles",
 *   "may grow"), so it is left alone.
 *
 * Spans of time ("the last five years"), weekdays ("on Tuesday": which one is a guess) and
 * decades stay as written. Without a published date nothing is resolved: the time field is what
 * timeOf found, exactly as before.
 */

/** chrono-node, loaded on first use: its ~100 ms of loading is paid only by a process that meets
 * a dated article, not by every worker at start-up. */
let loaded: typeof Chrono | null = null;
const chrono = (): typeof Chrono => (loaded ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono);
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { ISO_DATE } from '../records.js';

export interface ClaimTime {
  /** The resolved time, or the expression as written when it is not relative. */
  time: string | null;
  /** The relative expression as written, when `time` was resolved from it. */
  timeText?: string;
}

/** "next|last|this" + a calendar unit: what timeOf finds and this module resolves. */
const RELATIVE_UNIT = /^(?:next|last|this)\s+(year|month|quarter|week)$/i;
const DAY_WORD = /^(?:yesterday|today|tomorrow)$/i;
/** What may stand before a month name for it to be a month ("in March", "since early May"). */
const BEFORE_MONTH = /\b(?:in|since|by|until|till|through|during|from|on|of|early|late|mid-?|end of|start of|beginning of)\s*$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** A published date's calendar day. Only the day counts: the arithmetic below is on the
 * calendar, in UTC, so the machine's time zone never moves a result (same input, same output). */
interface Day { y: number; m: number; d: number }

function dayOf(published: string): Day | null {
  if (!ISO_DATE.test(published)) return null;
  const [y, m, d] = published.slice(0, 10).split('-').map(Number);
  return { y, m, d };
}

/** chrono's reference: the published day. It is used to find expressions, never to date them. */
const referenceOf = (day: Day) => ({ instant: new Date(Date.UTC(day.y, day.m - 1, day.d, 12)), timezone: 0 });

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** ISO 8601 week of a date ("2025-W07"). */
function isoWeek(date: Date): string {
  const t = new Date(date.getTime());
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${pad(week)}`;
}

const STEP: Record<string, number> = { last: -1, this: 0, next: 1, yesterday: -1, today: 0, tomorrow: 1 };

/** A unit of the calendar `step` units from `day`, written at that unit's precision. */
function shift(day: Day, unit: string, step: number): string {
  switch (unit) {
    case 'year': return String(day.y + step);
    case 'month': {
      const k = day.y * 12 + (day.m - 1) + step;
      return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
    }
    case 'quarter': {
      const k = day.y * 4 + Math.floor((day.m - 1) / 3) + step;
      return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
    }
    case 'week': return isoWeek(utc(day.y, day.m, day.d + 7 * step));
    default: {
      const t = utc(day.y, day.m, day.d + step);
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    }
  }
}

/** A month named without a year: the one nearest the published day (within six months either
 * way, as chrono reads it), with its day when one is written. */
function nearestMonth(day: Day, month: number, dayOfMonth: number | null): string {
  const diff = month - day.m;
  const y = diff > 6 ? day.y - 1 : diff < -6 ? day.y + 1 : day.y;
  return `${y}-${pad(month)}${dayOfMonth ? `-${pad(dayOfMonth)}` : ''}`;
}

/** A chrono find this module takes, dated: the time written at its precision, or null. */
function dateOf(r: Chrono.ParsedResult, text: string, day: Day): string | null {
  const words = r.text.trim();
  const rel = RELATIVE_UNIT.exec(words);
  if (rel) return shift(day, rel[1].toLowerCase(), STEP[words.split(/\s+/)[0].toLowerCase()]);
  if (DAY_WORD.test(words)) return shift(day, 'day', STEP[words.toLowerCase()]);
  // A month name with no year written: chrono reads the month (and a day) as written, the year as implied.
  if (r.start.isCertain('month') && !r.start.isCertain('year') && !r.start.isCertain('weekday') && !/\d{4}/.test(words) && /^\p{L}/u.test(words)
    && BEFORE_MONTH.test(text.slice(0, r.index))) return nearestMonth(day, r.start.get('month')!, r.start.isCertain('day') ? r.start.get('day')! : null);
  return null;
}

/**
 * The claim's time given what timeOf found (`found`, or null) in `text`, the figure at [start,
 * end) of it, and the article's published date. An expression inside the figure is never its time.
 */
export function resolveTime(text: string, start: number, end: number, found: string | null, published: string | undefined): ClaimTime {
  const day = published ? dayOf(published) : null;
  if (!day) return { time: found };
  if (found !== null) {
    // What timeOf found wins, as without a date; only a relative one is made concrete.
    const rel = RELATIVE_UNIT.exec(found);
    return rel ? { time: shift(day, rel[1].toLowerCase(), STEP[found.split(/\s+/)[0].toLowerCase()]), timeText: found } : { time: found };
  }
  for (const r of chrono().casual.parse(text, referenceOf(day), { forwardDate: false })) {
    if (r.index < end && r.index + r.text.length > start) continue; // the figure itself
    const time = dateOf(r, text, day);
    if (time) return { time, timeText: r.text.trim() };
  }
  return { time: null };
}
