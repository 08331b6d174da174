/**
 * Messages for people: one readable line each, whatever an error carried (a zod issue list, a
 * stack, a path with control characters in it).
 */

/** The first line of `text` (or a zod issue list's first message), control characters escaped,
 * at most `max` characters. */
export function oneLine(text: string, max = 300): string {
  let t = text.trim();
  // zod errors' messages are a JSON array of issues: the first issue, in words, with its path.
  if (t.startsWith('[')) {
    try {
      const issues = JSON.parse(t) as { message?: string; path?: (string | number)[] }[];
      if (Array.isArray(issues) && issues[0]?.message) t = `${issues[0].path?.length ? `${issues[0].path.join('.')}: ` : ''}${issues[0].message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
    } catch { /* not JSON */ }
  }
  const first = t.split(/\r?\n/)[0];
  const escaped = escapeControls(first);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** `text` with control characters (C0, DEL, C1, line and paragraph separators, bidi controls)
 * written as \u escapes, so a file name cannot move the cursor, colour a terminal or break a line. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
