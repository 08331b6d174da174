/**
 * When a claim holds: a year or a horizon stated near the figure ("in 2026", "by 2030",
 * "within the next two years", "2026 projection", "last year").
 */
const PATTERNS: RegExp[] = [
  /\b(?:in|by|for|during|through|until|since|from|as of)\s+(?:fiscal\s+|the year\s+|early\s+|mid-?\s*|late\s+)?((?:19|20)\d\d)\b/i,
  /\b((?:19|20)\d\d)\s+(?:projection|forecast|estimate|figures?|budget|alone)\b/i,
  /\b((?:Q[1-4]|H[12])\s+(?:19|20)\d\d)\b/,
  // A year in a parenthetical note, as tables write it: "(OpenAI, 2025)".
  /\((?:[^()]*?[,;]\s*)?((?:19|20)\d\d)\b[^()]*\)/,
  /\b((?:within|over|in)\s+the\s+(?:next|coming|past|last)\s+(?:few|several|\w+)\s+(?:years?|months?|weeks?|decades?))\b/i,
  /\b((?:next|last|this)\s+(?:year|month|week|quarter|decade))\b/i,
];

/** The time qualifier in `text` outside the figure at [start, end), or null. */
export function timeOf(text: string, start: number, end: number): string | null {
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const at = m.index + m[0].indexOf(m[1]);
    if (at >= start && at < end) continue; // the figure itself (a year-as-fact)
    return m[1].replace(/^(within|over|in)\s+the\s+/i, '').replace(/\s+/g, ' ');
  }
  return null;
}
