/**
 * When a figure holds (src/claims/time.ts), one row per construction, sentences written for these
 * tests: each figure takes the time expression nearest to it, months included; a year stated as a
 * fact is not dated by another year of its sentence, and dates no other figure from a phrase of its
 * own; a superlative's "since" is a comparison.
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

  test('a year stated as a fact in a phrase of its own dates no other figure', () => {
    expect(timeOfFigure('The tunnel, which opened in 1994, carries 60,000 cars a day.', '60,000 cars')).toBeNull();
    expect(timeOfFigure('The bakery, founded in 2011, now employs 40 people.', '40 people')).toBeNull();
    // In the figure's own phrase it still does.
    expect(timeOfFigure('Built in 1989 at a cost of $1.5 million, the tower drew crowds.', '$1.5 million')).toBe('1989');
  });

  test('a superlative\'s "since" is a comparison, not a time', () => {
    expect(timeOfFigure('Exports fell 9% in May, the steepest drop since 2009.', '9%')).toBe('May');
    expect(timeOfFigure('Mortgage rates rose to 7.8%, the highest level since 2000.', '7.8%')).toBeNull();
    expect(timeOfFigure('Prices have risen 30% since 2020.', '30%')).toBe('2020');
  });

  test('"may" the verb is no month, "May" after "in" is', () => {
    expect(timeOfFigure('Prices may rise 4% in May.', '4%')).toBe('May');
    expect(timeOfFigure('Prices in the region may rise 4%.', '4%')).toBeNull();
  });
});
