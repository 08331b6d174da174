/**
 * The bounded word memos (src/util/memo.ts) and the name-by-form memo built on them: a memo keeps
 * false and null answers, starts over at its bound, and never lets one call's position decide
 * another's answer.
 */
import { describe, expect, test } from 'vitest';
import { BoundedMemo } from '../src/util/memo.js';
import { formNames } from '../src/claims/form-names.js';
import { getRules } from '../src/pipeline/rules.js';

describe('BoundedMemo', () => {
  test('keeps false, null and empty answers as answers', () => {
    const memo = new BoundedMemo<string, boolean | null | string>(10);
    memo.set('a', false);
    memo.set('b', null);
    memo.set('c', '');
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.get('d')]).toEqual([false, null, '', undefined]);
  });

  test('starts over when full, and set gives back the answer it kept', () => {
    const memo = new BoundedMemo<string, number>(3);
    for (const [i, k] of ['a', 'b', 'c'].entries()) expect(memo.set(k, i)).toBe(i);
    expect(memo.get('a')).toBe(0);
    memo.set('d', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.get('d')]).toEqual([undefined, undefined, undefined, 3]);
  });

  test('a key cut out of a longer text answers like the same word written alone', () => {
    const memo = new BoundedMemo<string, number>();
    const text = 'the international organization said so';
    memo.set(text.slice(4, 17), 1);
    expect(memo.get('international')).toBe(1);
  });
});

describe('names by form, memoized per capitalized run', () => {
  const g = getRules().claims.grammar;
  const names = (s: string) => formNames(s, [], g).map((m) => [m.text, m.entity.kind, s.slice(m.start, m.end)]);
  // An everyday word opening a sentence is not part of the name; the same run inside a sentence
  // is read whole. Asked in either order, each gets its own answer.
  const opening = 'Rival Globex Corp. raised prices.';
  const inside = 'Shares in Rival Globex Corp. rose.';
  test.each([[opening, inside], [inside, opening]])('%s then %s', (first, second) => {
    const a = names(first), b = names(second);
    expect(names(opening)).toEqual([['Globex Corp.', 'org', 'Globex Corp.']]);
    expect(names(inside)).toEqual([['Rival Globex Corp.', 'org', 'Rival Globex Corp.']]);
    expect([a, b]).toEqual(first === opening ? [names(opening), names(inside)] : [names(inside), names(opening)]);
  });

  test('a title-case headline is no name however often its runs were seen before', () => {
    expect(names('Shares of Zentrix Widget Makers fell.').map((n) => n[0])).toEqual(['Zentrix Widget Makers']);
    expect(names('Zentrix Widget Makers Report Strong Quarterly Results')).toEqual([]);
  });
});
