/**
 * The stages import only downward: a stage may use the stages before it and the shared base
 * (types, records, rules, util), never one after it, so the path of an article reads top to bottom
 * and no folder knows about the ones that use it. Imports are read with TypeScript's own
 * pre-processor (`ts.preProcessFile`), not a regex.
 */
import { describe, expect, test } from 'vitest';
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { root } from './helpers.js';

/** Folders (and top-level modules) from the bottom up; one layer may import any layer below it. */
const LAYERS: string[][] = [
  ['types', 'records', 'util'],
  ['rules'],
  ['ingest', 'parse', 'normalize'],
  ['noise'],
  ['segment'],
  ['quantities'],
  ['claims'],
  ['reconcile'],
  ['graph'],
  ['output'],
  ['review', 'export'],
  ['pipeline'],
  ['cli', 'index'],
];
const rank = new Map(LAYERS.flatMap((layer, i) => layer.map((name) => [name, i] as const)));

const src = join(root, 'src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const unitOf = (path: string) => relative(src, path).split('/')[0].replace(/\.ts$/, '');

/** Every import between two different folders, as "from -> to" with a count. */
function importEdges(): Map<string, number> {
  const edges = new Map<string, number>();
  for (const file of files(src)) {
    for (const imp of ts.preProcessFile(readFileSync(file, 'utf8')).importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      const from = unitOf(file), to = unitOf(resolve(dirname(file), imp.fileName));
      if (from !== to) edges.set(`${from} -> ${to}`, (edges.get(`${from} -> ${to}`) ?? 0) + 1);
    }
  }
  return edges;
}

describe('architecture', () => {
  const edges = importEdges();

  test('every folder under src/ has a layer', () => {
    const units = new Set(files(src).map(unitOf));
    expect([...units].filter((u) => !rank.has(u))).toEqual([]);
  });

  test('no stage imports a stage after it', () => {
    const upward = [...edges.keys()].filter((e) => {
      const [from, to] = e.split(' -> ');
      return rank.get(to)! > rank.get(from)!;
    });
    expect(upward).toEqual([]);
  });

  test('the claim stage reads no pipeline, output or rules-compiling code', () => {
    const fromClaims = [...edges.keys()].filter((e) => e.startsWith('claims -> ')).map((e) => e.split(' -> ')[1]);
    expect(fromClaims.filter((to) => ['pipeline', 'output', 'reconcile', 'graph'].includes(to))).toEqual([]);
  });
});
