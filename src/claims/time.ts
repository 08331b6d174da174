/**
 * When a claim holds: a year or a horizon stated near the figure ("in 2026", "by 2030",
 * "within the next two years", "2026 projection", "last year").
 */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A month's name as written ("March", "May": the tagger alone reads them as a noun or a verb). */
export const MONTH_NAME = new RegExp(`^(?:${MONTHS})$`);
const PATTERNS: RegExp[] = [
  // "in March", "by June 2025" (capitalized: "may" is also a verb).
  new RegExp(`\\b(?:[Ii]n|[Bb]y|[Ff]or|[Dd]uring|[Tt]hrough|[Uu]ntil|[Ss]ince|[Ff]rom|[Aa]s of|[Ll]ast|[Tt]his)\\s+((?:${MONTHS})(?:\\s+(?:19|20)\\d\\d)?)\\b`, 'g'),
  /\b(?:in|by|for|during|through|until|since|from|as of)\s+(?:fiscal\s+|the year\s+|early\s+|mid-?\s*|late\s+)?((?:19|20)\d\d)\b/gi,
  /\b((?:19|20)\d\d)\s+(?:projection|forecast|estimate|figures?|budget|alone)\b/gi,
  /\b((?:Q[1-4]|H[12])\s+(?:19|20)\d\d)\b/g,
  // A year in a parenthetical note, as tables write it: "(OpenAI, 2025)".
  /\((?:[^()]*?[,;]\s*)?((?:19|20)\d\d)\b[^()]*\)/g,
  /\b((?:within|over|in)\s+the\s+(?:next|coming|past|last)\s+(?:few|several|\w+)\s+(?:years?|months?|weeks?|decades?))\b/gi,
  /\b((?:next|last|this)\s+(?:year|month|week|quarter|decade))\b/gi,
];

const CLAUSE_BREAK = /;|,\s+(?:and|but|while|whereas|although|though)\b/i;

/** "the lowest level since 2008", "its biggest drop since 2020": a superlative's "since" says what
 * the figure is compared with, not when it holds. */
const SINCE_COMPARED = /\b(?:highest|lowest|biggest|largest|smallest|fastest|slowest|strongest|weakest|sharpest|steepest|best|worst|most|least|first\s+time)\b[^,;.]{0,30}\bsince\s+$/i;

/** The time qualifier in `text` outside the figure at [start, end) and the years `stated` as
 * figures of their own, or null. With several, the
 * nearest to the figure ("fell to 7.5 million in March, down from 7.6 million in February": each
 * figure its own month); a tie goes to the one after it, then to the earlier pattern. */
export function timeOf(text: string, start: number, end: number, stated: readonly { start: number; end: number }[] = []): string | null {
  let best: { text: string; distance: number } | null = null;
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const at = m.index! + m[0].indexOf(m[1]);
      if (at >= start && at < end) continue; // the figure itself (a year-as-fact)
      // ("The bridge, which opened in 1937, carries 112,000 vehicles a day": a year stated as a
      // fact of its own, in a phrase set off from the figure, dates nothing else; "Completed in
      // 1976 at a height of 553 m" still dates the height.)
      if (stated.some((y) => at >= y.start && at < y.end && /[,;()\u2014]/.test(text.slice(Math.min(end, y.end), Math.max(start, y.start))))) continue;
      if (SINCE_COMPARED.test(text.slice(Math.max(0, at - 60), at))) continue;
      // ("spends $17 billion a year, and plans to cut that by 5% in 2026": a time in the next
      // clause dates that clause's figure, not this one.)
      if (start >= 0 && at >= end && CLAUSE_BREAK.test(text.slice(end, at))) continue;
      const distance = start < 0 ? 0 : at >= end ? at - end : start - (at + m[1].length) + 0.5;
      if (!best || distance < best.distance) best = { text: m[1].replace(/^(within|over|in)\s+the\s+/i, '').replace(/\s+/g, ' '), distance };
    }
  }
  return best?.text ?? null;
}
