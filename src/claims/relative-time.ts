/**
 * Relative times ("last year", "in March", "yesterday") made concrete against the article's
 * published date. Finding and dating the expression is chrono-node's work (its English casual
 * parser knows the month names, "yesterday", "last quarter"…); this module only decides which of
 * its finds are safe to take and how precisely to write them:
 *
 * - a year, month, quarter or week named relative to now ("last year" → "2024", "next month" →
 *   "2025-03", "last quarter" → "2024-Q4", "this week" → "2025-W07");
 * - yesterday, today, tomorrow → the day ("2025-02-09");
 * - a month named without a year after a preposition ("in March", "since May") → that month in the
 *   year chrono finds nearest the published date ("2025-03"), with a day when one is written ("on
 *   March 5" → "2025-03-05"). Without the preposition a month name may be a verb ("march 5 miles",
 *   "may grow"), so it is left alone.
 *
 * Spans of time ("the last five years"), weekdays ("on Tuesday": which one is a guess) and
 * decades stay as written. Without a published date nothing is resolved: the time field is what
 * timeOf found, exactly as before.
 */
import * as chrono from 'chrono-node';
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

/** The published date as chrono's reference: noon UTC of that day, so the machine's time zone
 * never moves a result across midnight (same input, same output everywhere). */
export function referenceOf(published: string): { instant: Date; timezone: number } | null {
  if (!ISO_DATE.test(published)) return null;
  const [y, m, d] = published.slice(0, 10).split('-').map(Number);
  return { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };
}

/** ISO 8601 week of a date ("2025-W07"). */
function isoWeek(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${pad(week)}`;
}

/** One chrono result written at the precision its expression names. */
function format(r: chrono.ParsedResult, unit: string): string {
  const y = r.start.get('year')!, m = r.start.get('month')!, d = r.start.get('day')!;
  switch (unit) {
    case 'year': return String(y);
    case 'month': return `${y}-${pad(m)}`;
    case 'quarter': return `${y}-Q${Math.ceil(m / 3)}`;
    case 'week': return isoWeek(y, m, d);
    default: return `${y}-${pad(m)}-${pad(d)}`;
  }
}

/** What a chrono find is, if it is one this module takes: the precision to write it at. */
function unitOf(r: chrono.ParsedResult, text: string): string | null {
  const words = r.text.trim();
  const rel = RELATIVE_UNIT.exec(words);
  if (rel) return rel[1].toLowerCase();
  if (DAY_WORD.test(words)) return 'day';
  // A month name with no year written: chrono gives the month as certain and the year as implied.
  if (r.start.isCertain('month') && !r.start.isCertain('year') && !r.start.isCertain('weekday') && !/\d{4}/.test(words) && /^\p{L}/u.test(words)
    && BEFORE_MONTH.test(text.slice(0, r.index))) return r.start.isCertain('day') ? 'day' : 'month';
  return null;
}

/**
 * The claim's time given what timeOf found (`found`, or null) in `text`, the figure at [start,
 * end) of it, and the article's published date. An expression inside the figure is never its time.
 */
export function resolveTime(text: string, start: number, end: number, found: string | null, published: string | undefined): ClaimTime {
  const ref = published ? referenceOf(published) : null;
  if (!ref) return { time: found };
  if (found !== null) {
    // What timeOf found wins, as without a date; only a relative one is made concrete.
    const rel = RELATIVE_UNIT.exec(found);
    if (!rel) return { time: found };
    const r = chrono.casual.parse(found, ref, { forwardDate: false })[0];
    return r ? { time: format(r, rel[1].toLowerCase()), timeText: found } : { time: found };
  }
  for (const r of chrono.casual.parse(text, ref, { forwardDate: false })) {
    if (r.index < end && r.index + r.text.length > start) continue; // the figure itself
    const unit = unitOf(r, text);
    if (unit) return { time: format(r, unit), timeText: r.text.trim() };
  }
  return { time: null };
}
