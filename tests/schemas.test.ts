/**
 * The JSON Schemas a run writes (issue 13): each has an $id carrying the format version, a title
 * and a description, and so does every field in it; the JSON files state the same version.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { corpusDir, runPipeline, tempDir } from './helpers.js';
import { FORMAT, FORMAT_VERSION } from '../src/records.js';

let out: string;
beforeAll(async () => {
  out = tempDir();
  await runPipeline([corpusDir], out);
});

/** Every property (and array item) in a schema without a description, as JSON paths. */
function undescribed(schema: Record<string, unknown>, at = '$'): string[] {
  const missing: string[] = [];
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, sub] of Object.entries(props ?? {})) {
    if (typeof sub.description !== 'string' || sub.description.length < 3) missing.push(`${at}.${name}`);
    missing.push(...undescribed(sub, `${at}.${name}`));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const [i, sub] of ((schema[key] as Record<string, unknown>[]) ?? []).entries()) missing.push(...undescribed(sub, `${at}|${i}`));
  }
  if (schema.items && typeof schema.items === 'object') missing.push(...undescribed(schema.items as Record<string, unknown>, `${at}[]`));
  return missing;
}

describe('schema/', () => {
  test('every schema has $id (with the format version), title and a description on every field', () => {
    const files = readdirSync(join(out, 'schema')).sort();
    expect(files).toEqual(['claim.schema.json', 'graph.schema.json', 'manifest.schema.json', 'noise.schema.json', 'run.schema.json']);
    for (const f of files) {
      const schema = JSON.parse(readFileSync(join(out, 'schema', f), 'utf8'));
      expect(schema.$id).toBe(`urn:claims:format:${FORMAT_VERSION}:${f.replace('.schema.json', '')}`);
      expect(schema.title).toContain(FORMAT);
      expect(schema.description.length).toBeGreaterThan(10);
      expect(undescribed(schema), f).toEqual([]);
      // Still a schema ajv compiles.
      new Ajv2020({ strict: false }).compile(schema);
    }
  });

  test('the check above can fail: a field without a description is found', () => {
    expect(undescribed({ properties: { a: { description: 'yes' }, b: { type: 'object', properties: { c: {} } } } })).toEqual(['$.b', '$.b.c']);
  });

  test('run.json, graph.json and manifest.json state the format; JSONL lines stay plain records', () => {
    for (const f of ['run.json', 'manifest.json']) expect(JSON.parse(readFileSync(join(out, f), 'utf8')).format).toBe(FORMAT);
    expect(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')).format).toBe(FORMAT);
    const first = JSON.parse(readFileSync(join(out, 'claims.jsonl'), 'utf8').split('\n')[0]);
    expect(Object.keys(first)[0]).toBe('id');
    expect(first).not.toHaveProperty('target');
    expect(first.provenance).not.toHaveProperty('sentence');
    // Each run.json, noise.jsonl and claims.jsonl line validates against its schema.
    const check = (schemaFile: string, value: unknown) => {
      const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(out, 'schema', schemaFile), 'utf8')));
      expect(validate(value), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
    };
    check('run.schema.json', JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')));
    check('manifest.schema.json', JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    for (const l of readFileSync(join(out, 'noise.jsonl'), 'utf8').split('\n').filter(Boolean)) check('noise.schema.json', JSON.parse(l));
  });
});
