/**
 * StartScanner (util/regex.ts) runs a regex only where a match can start: it must find exactly
 * what the plain global regex finds, on any text, for every scanner the rules compile to.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { getRules } from '../src/pipeline/rules.js';
import { StartScanner, wordsScanner } from '../src/util/regex.js';

const rules = getRules();

/** Every StartScanner inside the compiled rules, with where it sits. */
function scannersIn(root: unknown): [string, StartScanner][] {
  const out: [string, StartScanner][] = [];
  const seen = new Set<unknown>();
  const walk = (o: unknown, path: string) => {
    if (!o || typeof o !== 'object' || seen.has(o)) return;
    seen.add(o);
    if (o instanceof StartScanner) out.push([path, o]);
    else if (!(o instanceof Map || o instanceof Set || o instanceof RegExp)) for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(root, 'rules');
  return out;
}

const all = [...scannersIn(rules), ['wordsScanner', wordsScanner(['ſtate', 'Kelvin', 'the firm', '±', '€ bn'], 'giu')] as [string, StartScanner]];

/** What the plain regex finds: every match with its groups and index, and test(). */
function plain(re: RegExp, text: string): { matches: string[]; found: boolean } {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const matches: string[] = [];
  for (let m = g.exec(text); m; m = g.exec(text)) matches.push(JSON.stringify([...m, m.index]));
  return { matches, found: new RegExp(re.source, re.flags.replace('g', '')).test(text) };
}

function scanned(s: StartScanner, text: string): { matches: string[]; found: boolean } {
  const matches: string[] = [];
  s.lastIndex = 0;
  for (let m = s.exec(text); m; m = s.exec(text)) matches.push(JSON.stringify([...m, m.index]));
  return { matches, found: s.test(text) };
}

// Words the rules' scanners look for, in several cases, next to the characters that trip word
// boundaries and case folding: ſ (folds to s), K (Kelvin sign, folds to k), İ, digits, hyphens,
// apostrophes, surrogate pairs and lone surrogates.
const piece = fc.constantFrom(
  'it', 'IT', 'Its', 'they', 'the firm', 'THE COMPANY', 'this startup’s', 'OpenAI', 'Open AI', 'openai', 'US', 'U.S.', 'Amazon Web Services',
  'hundreds of thousands', 'HUNDREDS', 'doubled', '-double', 'two-thirds', 'a quarter of', 'half', 'twenty', 'revenue', 'weekly', 'may',
  'reportedly', 'expected to', 'www.x.com', 'https://a.b/c', '+1 555 123 4567', '(555) 123-4567', '6pm', '2:00', '21st', '±3%', 'plus or minus',
  'ſ', 'K', 'İ', 'ı', '😀', '\ud835', '\udc00', '5', '_', '-', "'", '’', ' ', '\n', '.', ',', '(', 'é', 'Ａ', 'x',
);
const text = fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 60 }));

describe('StartScanner finds what the plain regex finds', () => {
  test('the rules compile to scanners (coreference, entities, word anchors, modality cues)', () => {
    const paths = all.map(([p]) => p);
    for (const p of ['rules.claims.coreference.any', 'rules.claims.entities.caseSensitive', 'rules.quantities.vagueLead', 'rules.quantities.multiplier', 'rules.claims.modality.cues.0.re']) expect(paths).toContain(p);
  });

  test('property: every scanner, random text', () => {
    fc.assert(fc.property(text, (t) => {
      for (const [path, s] of all) expect(scanned(s, t), `${path} on ${JSON.stringify(t)}`).toEqual(plain(s.re, t));
    }), { numRuns: 300 });
  });
});
