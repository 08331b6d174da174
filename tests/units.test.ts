/**
 * Units of measure: each unit news writes read as a `measure` with its unit (our own sentences),
 * what must not be read as one, the factors js-quantities gives the unit table, a `qty` it does
 * not know refused at load, and reconciliation comparing measures of one dimension in base units.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRules } from '../src/pipeline/rules.js';
import { extractQuantities } from '../src/quantities/extract.js';
import { defaultRulesDir, loadRules, parseRuleFile } from '../src/rules/load.js';
import { reconcile, records, type Group, type Relation } from '../src/reconcile/reconcile.js';
import type { ClaimSummary } from '../src/reconcile/summary.js';
import { runPipeline, tempDir } from './helpers.js';
import type { Graph } from '../src/graph/schema.js';

const rules = getRules();
const measures = (text: string) => extractQuantities(text, rules.quantities).filter((q) => q.kind === 'measure');

describe('units news writes are read as measures', () => {
  test.each<[string, string, number, string]>([
    ['The new sedan makes 300 horsepower.', '300 horsepower', 300, 'horsepower'],
    ['Its V6 puts out 300 hp.', '300 hp', 300, 'horsepower'],
    ['The pickup comes with a 185-hp engine.', '185-hp', 185, 'horsepower'],
    ['The tuned model reaches 420 bhp.', '420 bhp', 420, 'horsepower'],
    ['The power grid runs at 50 Hz.', '50 Hz', 50, 'hertz'],
    ['The station broadcasts at 612 kHz.', '612 kHz', 612, 'kilohertz'],
    ['The new band sits at 88.5 MHz.', '88.5 MHz', 88.5, 'megahertz'],
    ['The processor runs at 3.5 GHz.', '3.5 GHz', 3.5, 'gigahertz'],
    ['The router uses the 2.4GHz band.', '2.4GHz', 2.4, 'gigahertz'],
    ['The phone packs a 5,000 mAh battery.', '5,000 mAh', 5000, 'milliampere hour'],
    ['The power bank holds 20,000 milliamp hours.', '20,000 milliamp hours', 20000, 'milliampere hour'],
    ['The e-bike battery stores 500 Wh.', '500 Wh', 500, 'watt hour'],
    ['The car has a 75 kWh pack.', '75 kWh', 75, 'kilowatt hour'],
    ['The utility installed a 100-MWh battery.', '100-MWh', 100, 'megawatt hour'],
    ['The dam generated 1,200 GWh last year.', '1,200 GWh', 1200, 'gigawatt hour'],
    ['The country used 300 terawatt hours of power.', '300 terawatt hours', 300, 'terawatt hour'],
    ['Carbon dioxide reached 420 ppm in May.', '420 ppm', 420, 'part per million'],
    ['The water held 15 ppb of lead.', '15 ppb', 15, 'part per billion'],
    ['The water held 15 parts per billion of lead.', '15 parts per billion', 15, 'part per billion'],
    ['The hybrid gets 52 mpg on the highway.', '52 mpg', 52, 'mile per gallon'],
    ['The hybrid gets 52 miles per gallon.', '52 miles per gallon', 52, 'mile per gallon'],
    ['The motorway limit is 130 km/h.', '130 km/h', 130, 'kilometer per hour'],
    ['The train tops out at 320 kph.', '320 kph', 320, 'kilometer per hour'],
    ['The storm had winds of 110 mph.', '110 mph', 110, 'mile per hour'],
    ['The filter stops particles of 5 μm.', '5 μm', 5, 'micrometer'],
    ['The filter stops particles of 5 µm.', '5 µm', 5, 'micrometer'],
    ['The fibres are 2.5 microns thick.', '2.5 microns', 2.5, 'micrometer'],
    ['The mill shipped 40,000 tonnes of steel.', '40,000 tonnes', 40000, 'tonne'],
    ['The port handled 2 million metric tons of grain.', '2 million metric tons', 2e6, 'tonne'],
    ['The crane lifts 12 t at a time.', '12 t', 12, 'tonne'],
    ['The barge carried 600 tons of coal.', '600 tons', 600, 'ton'],
    ['The laser emits 5 mW.', '5 mW', 5, 'milliwatt'],
    ['The wind farm produces 5 MW.', '5 MW', 5, 'megawatt'],
    ['The bulb draws 60 watts.', '60 watts', 60, 'watt'],
    ['The club built a 24-ft boat.', '24-ft', 24, 'foot'],
  ])('%s', (text, quote, value, unit) => {
    const q = measures(text)[0];
    expect(q, text).toBeDefined();
    expect(text.slice(q.span.start, q.span.end)).toBe(quote);
    expect(q.value).toBeCloseTo(value, 6);
    expect(q.unit).toBe(unit);
    expect(q.rule).toBe(`quantities/units#${unit}`);
  });
});

describe('not units', () => {
  test.each([
    ['The firm sold 5 HP printers to the school.'],
    ['Shares rose after HP reported 3 quarters of growth.'],
    ['The fund bought 5 M shares.'],
    ['The budget reached 300 M.'],
    ['The 12 Whigs voted against it.'],
    ['The vote was 5 Whereas clauses long.'],
    ['The 3 Hzanov brothers came.'],
    ['The 3-tonners lined up.'],
    ['The tweet got 5 ppmx shares.'],
    ['It was 4 mpgs.'],
    ['The shop sold 10-t shirts.'],
    ['The recipe needs a 3-L pot.'],
  ])('%s', (text) => expect(measures(text).map((q) => text.slice(q.span.start, q.span.end))).toEqual([]));

  test('symbols keep their case: MW is a megawatt, mW a milliwatt, "M" no unit', () => {
    expect(measures('It makes 5 MW.')[0].unit).toBe('megawatt');
    expect(measures('It makes 5 mW.')[0].unit).toBe('milliwatt');
    expect(measures('It makes 5 M.')).toEqual([]);
  });
});

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
    ['mile', 'length', 1609.344], ['kilometer', 'length', 1000], ['micrometer', 'length', 1e-6], ['ton', 'mass', 907.18474],
    ['tonne', 'mass', 1000], ['horsepower', 'power', 745.699872], ['gigahertz', 'frequency', 1e9], ['kilowatt hour', 'energy', 3.6e6],
    ['milliampere hour', 'charge', 3.6], ['part per million', 'unitless', 1e-6], ['kilometer per hour', 'speed', 1000 / 3600],
  ])('%s: %s, ×%d', (unit, dimension, factor) => {
    expect(scale(unit)?.dimension).toBe(dimension);
    expect(scale(unit)?.factor).toBeCloseTo(factor, 12);
  });

  test('a symbol or word finds its unit too (a reviewer may correct a unit to "km"), case kept for symbols', () => {
    expect(scale('km')?.factor).toBe(1000);
    expect(scale('Miles')?.factor).toBe(1609.344);
    expect(scale('MW')?.factor).toBe(1e6);
    expect(scale('mW')?.factor).toBe(1e-3);
    expect(scale('cubit')).toBeUndefined();
  });

  test('miles per gallon, which js-quantities names no kind of, gets its base units as dimension', () => {
    expect(scale('mile per gallon')?.dimension).toBe(scale('mpg')?.dimension);
    expect(scale('mile per gallon')?.dimension).not.toBe('length');
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

describe('reconciliation compares measures of one dimension in base units', () => {
  const claim = (id: string, quote: string, value: number, unit: string, bound = 'exact', article = id): ClaimSummary => ({
    id, source: { path: `${article}.txt`, article }, subject: { id: 'cascade-trail', name: 'Cascade Trail', kind: 'place', mention: 'Cascade Trail', via: 'clause-subject', parent: null },
    metric: 'length', time: null, period: null, modality: 'asserted', rule: 'test', predicate: null,
    quantity: { kind: 'measure', quote, value, low: bound === 'approx' ? null : value, high: bound === 'approx' ? null : value, bound: bound as 'exact', unit, per: null },
  });
  const reconciled = async (claims: ClaimSummary[]) => {
    const rec = await reconcile(claims, rules.quantities.unitScale);
    const groups = [...records<Group>(rec.groups)];
    const relations = Object.values(rec.relations).flatMap((s) => [...records<Relation>(s)]);
    rec.dispose();
    return { groups, relations };
  };

  test.each<[string, ClaimSummary, string]>([
    ['35.4 km states the same length', claim('b', '35.4 km', 35.4, 'kilometer'), 'corroborates'],
    ['about 35 km overlaps', claim('b', 'about 35 km', 35, 'kilometer', 'approx'), 'consistent-with'],
    ['35 km is close but disjoint', claim('b', '35 km', 35, 'kilometer'), 'in-tension-with'],
    ['90 km is far off', claim('b', '90 km', 90, 'kilometer'), 'conflicts-with'],
  ])('"22 miles" and %s', async (_name, other, type) => {
    const { groups, relations } = await reconciled([claim('a', '22 miles', 22, 'mile'), other]);
    expect(groups).toHaveLength(1);
    expect(groups[0].key.unit).toBe('measure:length');
    expect(relations.map((r) => r.type)).toEqual([type]);
    // The reason quotes what was written and compares in metres.
    expect(relations[0].reason).toContain('"22 miles" (exact, 35.41K m;');
  });

  test('tons and tonnes are different weights: 500 tons is 453.6 t', async () => {
    const { relations } = await reconciled([claim('a', '500 tons', 500, 'ton'), claim('b', '500 tonnes', 500, 'tonne')]);
    expect(relations.map((r) => r.type)).toEqual(['in-tension-with']);
  });

  test('measures of different dimensions stay apart; a unit with no scale stays on its own', async () => {
    const { groups } = await reconciled([claim('a', '22 miles', 22, 'mile'), claim('b', '22 kg', 22, 'kilogram'), claim('c', '22 cubits', 22, 'cubit')]);
    expect(groups.map((g) => g.key.unit).sort()).toEqual(['measure:cubit', 'measure:length', 'measure:mass']);
  });

  test('without the unit table, units are compared as written (as before)', async () => {
    const rec = await reconcile([claim('a', '22 miles', 22, 'mile'), claim('b', '35.4 km', 35.4, 'kilometer')]);
    expect([...records<Group>(rec.groups)].map((g) => g.key.unit).sort()).toEqual(['measure:kilometer', 'measure:mile']);
    rec.dispose();
  });

  test('a run compares "22 miles" in one article with "35 km" in another', async () => {
    const dir = tempDir(), out = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), 'The Cascade Trail is 22 miles long, the park service said.\n');
    writeFileSync(join(dir, 'in', 'b.txt'), 'The Cascade Trail is about 35 km long, according to a guidebook.\n');
    await runPipeline([join(dir, 'in')], out);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as Graph;
    const groups = graph.nodes.filter((n) => n.type === 'group' && n.unit === 'measure:length');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ members: 2, status: 'consistent' });
    // The claims keep the unit as written.
    const units = readFileSync(join(out, 'claims.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).quantity.unit);
    expect(units.sort()).toEqual(['kilometer', 'mile']);
  });
});
