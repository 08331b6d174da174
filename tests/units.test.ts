/**
 * Units of measure: the factors js-quantities gives the unit table, and a `qty` it does not know
 * refused at load.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRules } from '../src/pipeline/rules.js';
import { defaultRulesDir, loadRules, parseRuleFile } from '../src/rules/load.js';
import { tempDir } from './helpers.js';

const rules = getRules();

describe('unit table from js-quantities', () => {
  const scale = rules.quantities.unitScale;
  test('every unit in units.yml has a dimension and a factor', () => {
    for (const u of loadRules().data['quantities.units'].units) {
      const s = scale(u.unit);
      expect(s, u.unit).toBeDefined();
      expect(s!.factor, u.unit).toBeGreaterThan(0);
    }
  });

  test.each<[string, string, number]>([
    ['mile', 'length', 1609.344], ['kilometer', 'length', 1000], ['ton', 'mass', 907.18474], ['tonne', 'mass', 1000],
    ['kilowatt hour', 'energy', 3.6e6], ['kilometer per hour', 'speed', 1000 / 3600],
  ])('%s: %s, ×%d', (unit, dimension, factor) => {
    expect(scale(unit)?.dimension).toBe(dimension);
    expect(scale(unit)?.factor).toBeCloseTo(factor, 12);
  });

  test('a symbol or word finds its unit too (a reviewer may correct a unit to "km"), case kept for symbols', () => {
    expect(scale('km')?.factor).toBe(1000);
    expect(scale('Miles')?.factor).toBe(1609.344);
    expect(scale('MW')?.factor).toBe(1e6);
    expect(scale('kW')?.factor).toBe(1e3);
    expect(scale('cubit')).toBeUndefined();
  });
});

describe('a unit js-quantities does not know is refused at load', () => {
  test('in the file parsed, with file, line, entry and reason', () => {
    const text = 'units:\n  - { unit: mile, qty: mi, words: [mile], symbols: [] }\n  - { unit: cubit, qty: cubits, words: [cubit], symbols: [] }\nnotAfter: []\nexamples: []\n';
    expect(() => parseRuleFile('quantities.units', text, 'rules/quantities/units.yml'))
      .toThrow(/^rules\/quantities\/units\.yml:3:\d+: units\.1\.qty: js-quantities does not know the unit "cubits" \(unit "cubit"\) \[schema\]$/);
  });

  test('a temperature scale has no factor and is refused', () => {
    const text = 'units:\n  - { unit: celsius, qty: tempC, words: [celsius], symbols: [] }\nnotAfter: []\nexamples: []\n';
    expect(() => parseRuleFile('quantities.units', text, 'u.yml')).toThrow(/u\.yml:2:\d+: units\.0\.qty: "tempC" is a scale with an offset/);
  });

  test('a rules folder with such a unit does not load', () => {
    const dir = tempDir('rules-');
    cpSync(defaultRulesDir, dir, { recursive: true });
    const file = join(dir, 'quantities', 'units.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('qty: mi,', 'qty: miel,'));
    expect(() => loadRules(dir)).toThrow(/units\.yml:\d+:\d+: units\.0\.qty: js-quantities does not know the unit "miel" \(unit "mile"\)/);
  });
});
