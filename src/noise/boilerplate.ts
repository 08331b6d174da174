/**
 * Site boilerplate: tip prompts, rating and comment widgets, translation banners, disclaimers,
 * bylines, share buttons. Matched line by line with the rules of rules/noise/boilerplate.yml;
 * the source is never changed, the span is flagged with the rule that matched.
 */
import type { RuleData } from '../rules/schema.js';
import type { NoiseFlag } from '../types.js';
import { uniqueBy } from '../util/position.js';
import { rulePattern, type TextPattern } from '../util/user-regex.js';

export interface BoilerplateRule {
  id: string;
  scope: 'line' | 'next' | 'rest';
  pattern: TextPattern;
}

export interface BoilerplateRules {
  rules: BoilerplateRule[];
  bareNumberLine: boolean;
}

/** `vetted` says which patterns are the shipped ones (JS RegExp); a user's run on RE2 where it can
 * (util/user-regex.ts). */
export function compileBoilerplate(data: RuleData['noise.boilerplate'], vetted: (pattern: string) => boolean = () => true): BoilerplateRules {
  return {
    rules: data.rules.map((r) => ({ id: r.id, scope: r.scope, pattern: rulePattern(r.pattern, r.caseSensitive ? 'u' : 'iu', vetted(r.pattern)) })),
    bareNumberLine: data.bareNumberLine,
  };
}

/** A widget's value follows its prompt on a short line ("8" under "How do you rate…"). */
const WIDGET_VALUE_MAX = 24;
/** A "rest of page" marker only counts in the article's last part: a "Comments" heading high up
 * in a long article is a section, near the end it is the comment widget. */
const REST_ZONE = 0.6;
/** Boilerplate lines are short: a longer line is prose and is not tested. */
export const MAX_BOILERPLATE_LINE = 600;
/** A line that is nothing but a figure: a widget's count, a page number. */
const BARE_NUMBER = /^[~$€£¥]?\s?\d[\d.,]*\s?[%kKmMbB]?$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Flags boilerplate lines of `text` (the source). */
export function findBoilerplate(text: string, rules: BoilerplateRules): NoiseFlag[] {
  const lines = splitLines(text);
  const flags: NoiseFlag[] = [];
  const flag = (line: Line, rule: string, reason: NoiseFlag['reason'] = 'boilerplate') =>
    flags.push({ start: line.start, end: line.end, reason, rule, quote: line.text });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.length > MAX_BOILERPLATE_LINE) continue;
    const rule = rules.rules.find((r) => r.pattern.test(line.text));
    if (rule) {
      const ruleId = `noise/boilerplate#${rule.id}`;
      if (rule.scope === 'rest' && line.start >= REST_ZONE * text.length) {
        for (let k = i; k < lines.length; k++) flag(lines[k], ruleId);
        break;
      }
      flag(line, ruleId);
      if (rule.scope === 'next') {
        for (let k = i + 1; k < lines.length && k <= i + 2 && lines[k].text.length <= WIDGET_VALUE_MAX; k++) flag(lines[k], ruleId);
      }
      continue;
    }
    if (rules.bareNumberLine && BARE_NUMBER.test(line.text)) flag(line, 'noise.bare-number-line', 'bare-number');
  }
  return uniqueBy(flags, (f) => `${f.start}:${f.end}`);
}

/** Non-empty lines, trimmed, with their source offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) lines.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return lines;
}
