/**
 * Patterns a user wrote into rules/ (boilerplate lines, attribution phrases) on an engine that
 * cannot hang: RE2 (the re2js port), whose time is linear in the text whatever the pattern. A
 * pattern that is not in the shipped rules runs there whenever RE2 can express it; one that needs
 * the backtracking engine (a lookahead, a lookbehind, a back-reference) is kept on JS RegExp only
 * when recheck proves it safe, and refused at load otherwise (rules/load.ts). The shipped patterns
 * stay on JS RegExp: they are vetted by a test, and their outputs stay byte for byte as they were.
 *
 * RE2 reads a slightly different dialect, so the JS pattern is translated first, keeping JS's
 * meaning where the two differ: `\s` and `.` (JS: Unicode spaces; every character but line
 * terminators; RE2: ASCII spaces; every character but \n), `\uXXXX` and `\u{…}` escapes,
 * `\p{Script=…}`. Anything the translation does not know is left to JS (and so to recheck).
 */
import { RE2JS } from 're2js';

/** What the pipeline asks of a pattern: a match anywhere, or the first match with its groups. */
export interface TextPattern {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

/** JS's \s (ECMAScript WhiteSpace and LineTerminator), as the members of an RE2 class. */
const JS_SPACE = String.raw`\t\n\x{b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`;
/** JS's `.` without the s flag: anything but a line terminator. */
const JS_DOT = String.raw`[^\n\r\x{2028}\x{2029}]`;

/**
 * `pattern` (JS syntax, run with the u flag) in RE2 syntax with the same meaning, or null when
 * it uses what RE2 cannot run or this translation does not know (then it stays on JS RegExp).
 */
export function toRe2(pattern: string): string | null {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) return null;
      i++;
      if (n === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (n === 'S') {
        if (inClass) return null;
        out += `[^${JS_SPACE}]`;
      } else if (n === 'u') {
        const m = /^\{([0-9a-fA-F]{1,6})\}|^([0-9a-fA-F]{4})/.exec(pattern.slice(i + 1));
        if (!m) return null;
        out += `\\x{${m[1] ?? m[2]}}`;
        i += m[0].length;
      } else if (n === 'p' || n === 'P') {
        const m = /^\{(?:(?:Script|sc|Script_Extensions|scx)=)?([A-Za-z_]+)\}/.exec(pattern.slice(i + 1));
        if (!m) return null;
        out += `\\${n}{${m[1]}}`;
        i += m[0].length;
      } else if (n === '/') out += '/';
      // (In a class, JS's \b is a backspace.)
      else if (n === 'b' && inClass) out += '\\x{8}';
      else if ('dDwWbBtnrfv'.includes(n)) out += n === 'v' ? '\\x{b}' : `\\${n}`;
      else if (n === 'x' && /^[0-9a-fA-F]{2}/.test(pattern.slice(i + 1))) {
        out += `\\x${pattern.slice(i + 1, i + 3)}`;
        i += 2;
      } else if (/[\^$\\.*+?()[\]{}|-]/.test(n)) out += `\\${n}`;
      // Back-references (\1, \k<name>), \c, \0 and the rest: left to JS.
      else return null;
    } else if (inClass) {
      if (c === ']') inClass = false;
      // RE2 reads [[:alpha:]] and a nested [ differently from JS: escaped, it is the literal JS means.
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      // A leading ^ or ] stays where it is; `[]` and `[^]` (empty, anything) are JS-only.
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') return null;
    } else if (c === '.') out += JS_DOT;
    else if (c === '(' && pattern[i + 1] === '?') {
      // Groups RE2 has: (?: and named (?<name>; lookarounds (?= (?! (?<= (?<! it has not.
      if (pattern[i + 2] === ':') out += '(?:';
      else if (pattern[i + 2] === '<' && /^[A-Za-z_]/.test(pattern[i + 3] ?? '')) out += '(?P<';
      else return null;
      i += 2;
    } else out += c;
  }
  return inClass ? null : out;
}

/** The RE2 form of `pattern` with the flags it runs with ('u' or 'iu'), or null (see toRe2). */
export function compileRe2(pattern: string, flags: string): RE2JS | null {
  const source = toRe2(pattern);
  if (source === null) return null;
  try {
    return RE2JS.compile(source, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    // A construct RE2 refuses (a Unicode class name it lacks, a repetition over 1000…).
    return null;
  }
}

/** An RE2 pattern behind the two methods the pipeline uses. */
class Re2Pattern implements TextPattern {
  constructor(private readonly re: RE2JS) {}

  test(text: string): boolean {
    return this.re.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    const m = this.re.matcher(text);
    if (!m.find()) return null;
    const groups: string[] = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? (undefined as unknown as string));
    return Object.assign(groups, { index: m.start(), input: text, groups: undefined }) as RegExpExecArray;
  }
}

/**
 * A rule pattern ready to run: JS RegExp for the shipped (vetted) ones, RE2 for a user's whenever
 * it can express it, JS RegExp otherwise (load refused it unless recheck proved it safe).
 */
export function rulePattern(pattern: string, flags: string, vetted: boolean): TextPattern {
  if (!vetted) {
    const re2 = compileRe2(pattern, flags);
    if (re2) return new Re2Pattern(re2);
  }
  return new RegExp(pattern, flags);
}
