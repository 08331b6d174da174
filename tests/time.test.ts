/**
 * When a figure holds (src/claims/time.ts), one row per construction, sentences written for these
 * tests: each figure takes the time expression nearest to it, months included; a year stated as a
 * fact is not dated by another year of its sentence.
 */
import { describe, expect, test } from 'vitest';
import { getRules } from '../src/pipeline/rules.js';
import { articleFromBytes } from '../src/ingest/read.js';
import { processArticle } from '../src/pipeline/article.js';

const rules = getRules();
const timeOfFigure = (text: string, figure: string) =>
  processArticle(articleFromBytes('t.txt', Buffer.from(text)), rules).claims.find((c) => c.quantity?.quote.includes(figure))?.time;

describe('the time of each figure', () => {
  test.each([
    ['Arrivals reached 2.1 million visitors in 2019, against 1.4 million visitors in 2016.', '2.1 million', '2019'],
    ['Arrivals reached 2.1 million visitors in 2019, against 1.4 million visitors in 2016.', '1.4 million', '2016'],
    ['The list fell to 6.2 million patients in March, down from 6.4 million patients in February.', '6.2 million', 'March'],
    ['The list fell to 6.2 million patients in March, down from 6.4 million patients in February.', '6.4 million', 'February'],
    ['By June 2025 the fund held $4 billion.', '$4 billion', 'June 2025'],
    ['Sales may rise 5% next year.', '5%', 'next year'],
    ['Globex spends $3 billion a year on research, and plans to cut that by 4% in 2027.', '4%', '2027'],
  ])('%s → %s: %s', (text, figure, time) => {
    expect(timeOfFigure(text, figure)).toBe(time);
  });

  test('a time in the next clause does not date a figure before it', () => {
    expect(timeOfFigure('Globex spends $3 billion a year on research, and plans to cut that by 4% in 2027.', '$3 billion')).toBeNull();
  });

  test('a year stated as a fact is not dated by another year', () => {
    expect(timeOfFigure('Founded in 1931, the club won the cup in 1958.', '1931')).toBeNull();
  });

  test('"may" the verb is no month, "May" after "in" is', () => {
    expect(timeOfFigure('Prices may rise 4% in May.', '4%')).toBe('May');
    expect(timeOfFigure('Prices in the region may rise 4%.', '4%')).toBeNull();
  });
});
