/**
 * Parsed rules kept in the output folder's cache (src/pipeline/rules-cache.ts): a second run into
 * the folder reads them back instead of parsing the YAML, with the same outputs; an entry that
 * does not read back, or rules that changed, are parsed again; rules that fail are never stored.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, snapshot, tempDir } from './helpers.js';
import { defaultRulesDir } from '../src/rules/load.js';

const entries = (out: string) => readdirSync(join(out, '.cache')).filter((f) => /^rules-[0-9a-f]{32}\.json$/.test(f));

function article(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.txt'), 'Globex Holdings said revenue rose 12% to $4.1 billion in 2024.\n');
  return dir;
}

describe('parsed rules kept between runs', () => {
  test('a second run reads the stored rules and writes the same outputs', async () => {
    const input = article();
    const out = tempDir();
    await runPipeline([input], out, { incremental: false });
    const first = snapshot(out);
    expect(entries(out)).toHaveLength(1);
    const stored = JSON.parse(readFileSync(join(out, '.cache', entries(out)[0]), 'utf8'));
    expect(Object.keys(stored.data)).toContain('quantities.scales');
    await runPipeline([input], out, { incremental: false });
    expect(snapshot(out)).toEqual(first);
    // What the run reads is the stored entry: a value changed in it shows in the next run's claims.
    const entry = join(out, '.cache', entries(out)[0]);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('"value":1000000000,"words":["billion"', '"value":1000000,"words":["billion"'));
    await runPipeline([input], out, { incremental: false });
    expect(readFileSync(join(out, 'claims.jsonl'), 'utf8')).toContain('"value":4100000,');
  });

  test('an entry that does not read back is parsed again and rewritten', async () => {
    const input = article();
    const out = tempDir();
    await runPipeline([input], out, { incremental: false });
    const first = snapshot(out);
    const entry = join(out, '.cache', entries(out)[0]);
    writeFileSync(entry, '{"hash":"cut sho');
    await runPipeline([input], out, { incremental: false });
    expect(snapshot(out)).toEqual(first);
    expect(() => JSON.parse(readFileSync(entry, 'utf8'))).not.toThrow();
  });

  test('edited rules are parsed again (one entry kept), and broken rules fail whatever is stored', async () => {
    const input = article();
    const out = tempDir();
    const rules = join(tempDir(), 'rules');
    cpSync(defaultRulesDir, rules, { recursive: true });
    await runPipeline([input], out, { rulesDir: rules, incremental: false });
    const before = entries(out);
    const scales = join(rules, 'quantities', 'scales.yml');
    writeFileSync(scales, readFileSync(scales, 'utf8') + '\n# an edit\n');
    await runPipeline([input], out, { rulesDir: rules, incremental: false });
    expect(entries(out)).toHaveLength(1);
    expect(entries(out)).not.toEqual(before);
    writeFileSync(scales, 'scales: [\n');
    await expect(runPipeline([input], out, { rulesDir: rules, incremental: false })).rejects.toThrow(/scales\.yml:\d+:\d+: .*\[yaml\]/);
  });
});
