/** The CLI's progress line (issue 13): phase, counts, rate and an estimate of the time left. */
import { describe, expect, test } from 'vitest';
import { ProgressLine, formatDuration } from '../src/util/progress.js';

describe('progress line', () => {
  test('an estimate from the phase\'s own rate, once the rate means something', () => {
    let now = 0;
    const p = new ProgressLine(() => now);
    expect(p.line({ phase: 'reading', done: 0, total: 100, failed: 0 })).toBe('reading: 0/100 articles, 0 failed, 0.0/s, ETA …');
    now = 500;
    // Half a second in: no estimate yet.
    expect(p.line({ phase: 'reading', done: 50, total: 100, failed: 0 })).toMatch(/ETA …$/);
    // A new phase starts its own clock: the reading rate says nothing of extraction.
    now = 1000;
    expect(p.line({ phase: 'extracting', done: 0, total: 100, failed: 0 })).toBe('extracting: 0/100 articles, 0 failed, 0.0/s, ETA …');
    now = 11_000;
    // 20 articles in 10 s: 2/s, 80 left → 40 s.
    expect(p.line({ phase: 'extracting', done: 20, total: 100, failed: 1 })).toBe('extracting: 20/100 articles, 1 failed, 2.0/s, ETA 40s');
    now = 21_000;
    expect(p.line({ phase: 'extracting', done: 25, total: 100, failed: 1 })).toBe('extracting: 25/100 articles, 1 failed, 1.3/s, ETA 1m00s');
    expect(p.line({ phase: 'extracting', done: 100, total: 100, failed: 1 })).toMatch(/ETA 0s$/);
    expect(p.line({ phase: 'reconciling', done: 100, total: 100, failed: 1 })).toBe('reconciling: 100 articles, 1 failed');
    expect(p.line({ phase: 'writing', done: 100, total: 100, failed: 1 })).toBe('writing: 100 articles, 1 failed');
  });

  test('durations', () => {
    expect([formatDuration(0.4), formatDuration(59), formatDuration(61), formatDuration(3 * 3600 + 125)]).toEqual(['0s', '59s', '1m01s', '3h02m']);
  });
});
