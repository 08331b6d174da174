/** A user's rule patterns on RE2 (util/user-regex.ts): the same matches as JS RegExp, in linear time. */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rulePattern, toRe2 } from '../src/util/user-regex.js';
import { root } from './helpers.js';

/** Lines and sentences of the corpus and the fixtures, and a few with the characters where JS and RE2 differ. */
function lines(): string[] {
  const files = [...readdirSync(join(root, 'corpus')).map((f) => join(root, 'corpus', f)),
    ...readdirSync(join(root, 'tests', 'fixtures'), { recursive: true }).map(String).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(root, 'tests', 'fixtures', f))];
  const text = files.flatMap((f) => readFileSync(f, 'utf8').split(/\n|(?<=[.?!]) /)).map((l) => l.trim()).filter(Boolean);
  return [...text, 'We\u00a0use cookies', 'we use\u2028cookies', 'Send a\u3000tip to the writer', 'By Jane Doe', 'Published on March 3, 2026', 'Markets | Tech | Energy', 'ſ K ß STRASSE', '12 Comments', 'Share'];
}

describe('user patterns on RE2', () => {
  const all = lines();

  test('the shipped boilerplate patterns, run as a user\'s, flag the same lines', () => {
    for (const r of parse(readFileSync(join(root, 'rules', 'noise', 'boilerplate.yml'), 'utf8')).rules) {
      const flags = r.caseSensitive ? 'u' : 'iu';
      const js = new RegExp(r.pattern, flags);
      const re2 = rulePattern(r.pattern, flags, false);
      expect(re2, r.id).not.toBeInstanceOf(RegExp);
      expect(all.filter((l) => re2.test(l)), r.id).toEqual(all.filter((l) => js.test(l)));
    }
  });

  test('the attribution patterns RE2 can run find the same source at the same place', () => {
    const source = String.raw`((?:the\s+)?[\p{L}][\p{L}\p{N}'.&-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'.&-]*){0,4}?)`;
    let onRe2 = 0;
    for (const { pattern } of parse(readFileSync(join(root, 'rules', 'claims', 'modality.yml'), 'utf8')).attribution) {
      const p = pattern.replace('{source}', source);
      const re2 = rulePattern(p, 'iu', false);
      if (re2 instanceof RegExp) continue;
      onRe2++;
      const js = new RegExp(p, 'iu');
      const key = (m: RegExpExecArray | null) => m && [m.index, m[0], m[1]];
      for (const l of all) expect(key(re2.exec(l)), l).toEqual(key(js.exec(l)));
    }
    expect(onRe2).toBeGreaterThan(0);
  });

  test('translation keeps JS meanings; what RE2 lacks stays on JS', () => {
    expect(toRe2('a.b')).toBe(String.raw`a[^\n\r\x{2028}\x{2029}]b`);
    expect(toRe2(String.raw`\u00e9\u{1F600}\p{Script=Latin}(?<n>x)`)).toBe(String.raw`\x{00e9}\x{1F600}\p{Latin}(?P<n>x)`);
    expect(toRe2(String.raw`[\s\d]`)).toMatch(/^\[\\t\\n.*\\d\]$/);
    for (const p of ['a(?=b)', '(?<=a)b', '(?<!a)b', '(a)\\1', '\\k<n>', '[^\\S]', '[]', '[^]']) expect(toRe2(p), p).toBeNull();
    expect(rulePattern('a(?=b)', 'u', false)).toBeInstanceOf(RegExp);
    expect(rulePattern('^(a+)+$', 'u', true)).toBeInstanceOf(RegExp);
  });

  test('a pattern that backtracks exponentially on JS runs in linear time on RE2', () => {
    const re2 = rulePattern('^(a+)+$', 'u', false);
    const t = performance.now();
    expect(re2.test(`${'a'.repeat(5000)}b`)).toBe(false);
    expect(re2.test('a'.repeat(5000))).toBe(true);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
