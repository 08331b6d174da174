/** Every rule file's examples run here, and a broken rule file is refused with file:line:col. */
import { describe, expect, test } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules, RuleError, defaultRulesDir, parseRuleFile } from '../src/rules/load.js';
import { getRules } from '../src/pipeline/rules.js';
import { extractQuantities } from '../src/quantities/extract.js';
import { findBoilerplate } from '../src/noise/boilerplate.js';
import { normalizeUnicode } from '../src/normalize/unicode.js';
import { findForeign } from '../src/noise/foreign.js';
import { splitSentences } from '../src/segment/sentences.js';
import { findLexiconMentions } from '../src/claims/entities.js';
import { metricOf } from '../src/claims/metrics.js';
import { attributionOf, modalityOf } from '../src/claims/modality.js';
import { MentionHistory, resolveAnaphora } from '../src/claims/coreference.js';
import { articleFromBytes } from '../src/ingest/read.js';
import { processArticle } from '../src/pipeline/article.js';
import { tempDir } from './helpers.js';

const loaded = loadRules();
const rules = getRules();
const d = loaded.data;

const quantityFiles = ['quantities.scales', 'quantities.currencies', 'quantities.approximators', 'quantities.vague', 'quantities.multipliers', 'quantities.units', 'quantities.context'] as const;

describe('quantity rule examples', () => {
  for (const id of quantityFiles) {
    for (const ex of d[id].examples) {
      test(`${id}: ${ex.text}`, () => {
        const found = extractQuantities(ex.text, rules.quantities);
        if (ex.expect) expect(found).toContainEqual(expect.objectContaining(ex.expect));
        if (ex.expectNot) for (const q of found) expect(q).not.toMatchObject(ex.expectNot);
      });
    }
  }
});

describe('boilerplate rule examples', () => {
  for (const rule of d['noise.boilerplate'].rules) {
    const compiled = { ...rules.noise.boilerplate, rules: rules.noise.boilerplate.rules.filter((r) => r.id === rule.id), bareNumberLine: false };
    for (const m of rule.examples.match) test(`${rule.id} flags: ${m}`, () => expect(findBoilerplate(`Intro line.\n${m}\n`, compiled).some((f) => f.quote === m)).toBe(true));
    for (const m of rule.examples.noMatch) test(`${rule.id} leaves: ${m}`, () => expect(findBoilerplate(`${m}\n`, compiled)).toEqual([]));
  }
});

describe('normalize rule examples', () => {
  for (const ex of d['normalize.unicode'].examples) {
    test(`unicode: ${JSON.stringify(ex.text)}`, () => expect(normalizeUnicode(ex.text, rules.unicode).text).toBe(ex.normalized));
  }
  for (const ex of d['noise.foreign'].examples) {
    test(`foreign: ${ex.text}`, () => expect(findForeign(ex.text, rules.noise.foreign, () => false).map((f) => f.quote)).toEqual(ex.flagged));
  }
  for (const ex of d['segment.abbreviations'].examples) {
    test(`sentences: ${ex.text}`, () => expect(splitSentences(ex.text, 0, ex.text.length, rules.segment)).toHaveLength(ex.sentences));
  }
});

describe('claim rule examples', () => {
  for (const ex of d['claims.entities'].examples) {
    test(`entities: ${ex.text}`, () => expect(findLexiconMentions(ex.text, rules.claims.entities).map((m) => m.entity.id)).toEqual(ex.entities));
  }
  for (const ex of d['claims.metrics'].examples) {
    test(`metrics: ${ex.text}`, () => {
      const q = extractQuantities(ex.text, rules.quantities)[0];
      const { metric } = metricOf({ text: ex.text, start: q.span.start, end: q.span.end, unit: q.kind === 'count' ? q.unit : null, per: q.per }, rules.claims.metrics);
      expect(metric).toBe(ex.metric);
    });
  }
  for (const ex of d['claims.modality'].examples) {
    test(`modality: ${ex.text}`, () => {
      expect(modalityOf(ex.text, rules.claims.modality)).toBe(ex.modality);
      if (ex.attribution) expect(attributionOf(ex.text, rules.claims.modality)).toBe(ex.attribution);
    });
  }
  test.each([['Sales rose 4%, it said in a statement.'], ['The firm, it said on Monday, hired 300 people.'], ['Profit fell 2%, he said last week.']])('no source is a pronoun, a preposition or a time: %s', (text) => {
    expect(attributionOf(text, rules.claims.modality)).toBeNull();
  });
  // The patterns' verbs are nouns and adjectives too: then no one is speaking.
  test.each([
    ['A flood at the depot ruined stock worth an estimated $2 million.'],
    ['Shipments rose 6% in March, beating estimates.'],
    ['The lender will pay $90 million to settle claims that it overcharged customers.'],
    ['The ministry denied reports that it had cut the budget by 10%.'],
    ['The reported figure of 4,000 jobs was revised.'],
    ['He woke me at 3 o\'clock and said jocularly that 40 guests had come.'],
    // A speaker after "said" ends its clause; what follows "said" otherwise is what was said.
    ['Jo Park, the finance chief, said costs rose 3%.'],
    ['He said the firm would cut jobs.'],
    // A plural possessive owns the noun after it: "analysts' estimates" is no one estimating.
    ['Orvane fell short of analysts\' estimates, shipping 12,400 units.'],
    ['Deliveries of 8,000 trucks trailed investors\' forecasts and brokers\' estimates.'],
    // A source does not open with a preposition: "of respondents said" names the figure's group.
    ['Nearly 60% of respondents said they trusted the news.'],
    // A decimal point does not end the clause of a speaker after "said".
    ['Globex, which makes soap, said underlying sales grew 3.4%.'],
  ])('no source where the verb is a noun or an adjective: %s', (text) => {
    expect(attributionOf(text, rules.claims.modality)).toBeNull();
  });
  test.each([
    ['The report said exports rose 5%.', 'report'],
    ['Sales rose 5%, the survey found, analysts said.', 'analysts'],
    ['The ambassador to France said trade grew 3%.', 'ambassador to France'],
    ['Police estimated the crowd at 20,000.', 'Police'],
    ["Moody's estimates that the storm caused $5 billion in damage.", "Moody's"],
  ])('a noun before the verb still speaks: %s', (text, source) => {
    expect(attributionOf(text, rules.claims.modality)).toBe(source);
  });
  for (const ex of d['claims.grammar'].examples) {
    test(`grammar: ${ex.text} → ${ex.figure}: ${ex.subject}`, () => {
      const { claims } = processArticle(articleFromBytes('example.txt', Buffer.from(ex.text)), rules);
      const claim = claims.find((c) => c.quantity?.quote.includes(ex.figure));
      expect(claim, `a claim for ${ex.figure}`).toBeDefined();
      expect(claim!.subject?.name ?? null).toBe(ex.subject);
      if (ex.via) expect(claim!.subject?.via).toBe(ex.via);
    });
  }
  const reasonWords = { hypothetical: /hypothetical|advice|worked example/, descriptor: /descriptor/, rating: /rating/, time: /time qualifier|age/, denomination: /denomination/, hyperbole: /hyperbole/, smallnumber: /small number in words/, illustration: /illustrat/ };
  for (const ex of d['claims.not-claims'].examples) {
    test(`not a claim: ${ex.text} → ${ex.figure}: ${ex.reason ?? 'a claim'}`, () => {
      const { claims, report } = processArticle(articleFromBytes('example.txt', Buffer.from(ex.text)), rules);
      const claimed = claims.some((c) => c.quantity?.quote === ex.figure);
      const rejected = report.rejected.find((r) => r.quote === ex.figure);
      if (ex.reason === null) expect(claimed, `"${ex.figure}" is a claim`).toBe(true);
      else expect(rejected?.reason).toMatch(reasonWords[ex.reason]);
    });
  }
  for (const ex of d['claims.coreference'].examples) {
    test(`coreference: ${ex.text}`, () => {
      const history = new MentionHistory();
      for (const e of ex.earlier) history.add(e, 0);
      expect(resolveAnaphora(ex.text, [], history, 1, rules.claims.coreference).map((m) => m.entity.id)).toEqual(ex.resolved);
    });
  }
});

describe('rule files are validated', () => {
  test('a schema error names the file, line and column', () => {
    const text = 'scales:\n  - { value: -5, words: [thousand] }\nexamples: []\n';
    expect(() => parseRuleFile('quantities.scales', text, 'rules/quantities/scales.yml')).toThrow(/^rules\/quantities\/scales\.yml:2:\d+: scales\.0\.value: .*\[schema\]$/);
  });

  test('a YAML syntax error names the file, line and column', () => {
    expect(() => parseRuleFile('quantities.scales', 'scales: [\n  { value: 1\n', 'x.yml')).toThrow(/^x\.yml:\d+:\d+: .*\[yaml\]$/);
  });

  test('an unknown key is refused (strict), so typos never pass silently', () => {
    expect(() => parseRuleFile('quantities.vague', 'leads: []\nscaled: []\nexampels: []\nexamples: []\n', 'v.yml')).toThrow(/v\.yml:\d+:\d+/);
  });

  test('an unknown file under rules/ is refused with its name', () => {
    const dir = tempDir();
    cpSync(defaultRulesDir, dir, { recursive: true });
    writeFileSync(join(dir, 'claims', 'metric.yml'), 'metrics: []\n');
    expect(() => loadRules(dir)).toThrow(/claims\/metric\.yml:1:1: unknown rule file/);
  });

  test('a missing rule file is refused', () => {
    const dir = tempDir('rules-');
    cpSync(defaultRulesDir, dir, { recursive: true });
    writeFileSync(join(dir, 'quantities', 'scales.yml'), readFileSync(join(defaultRulesDir, 'quantities', 'scales.yml'), 'utf8').replace('value: 1.0e3', 'value: "lots"'));
    expect(() => loadRules(dir)).toThrow(RuleError);
  });

  test('the rules hash changes when a rule changes', () => {
    const dir = tempDir('rules-');
    cpSync(defaultRulesDir, dir, { recursive: true });
    writeFileSync(join(dir, 'segment', 'abbreviations.yml'), readFileSync(join(defaultRulesDir, 'segment', 'abbreviations.yml'), 'utf8').replace('Mr, ', 'Mr, Hon, '));
    expect(loadRules(dir).hash).not.toBe(loaded.hash);
  });
});
