/**
 * Parsed rules kept between runs in the output folder's `.cache/`: parsing and validating the
 * YAML (the yaml package, then zod) is the largest part of a run's start-up on the main thread
 * (~150–250 ms, before any worker gets an article), and rules seldom change between two runs into
 * one folder. An entry is keyed by the rule texts' hash, their folder and the code version, so an
 * edited rule, another rules folder or a new pipeline parses again; an entry that does not read
 * back whole is ignored and rewritten. Rules that fail to load are never stored (their error is
 * raised by the parse, every time).
 */
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleTexts, readRuleTexts, type LoadedRules } from '../rules/load.js';
import type { RuleData } from '../rules/schema.js';
import { sha256 } from '../util/hash.js';
import { tempPath } from '../output/atomic.js';
import { codeVersion } from './version.js';

const ENTRY = /^rules-[0-9a-f]{32}\.json$/;

/** The rules of `dir` (the shipped ones by default), from `cacheDir` when an entry matches; `save`
 * stores what was parsed (call it once the run may write into the folder). */
export function loadRulesCached(dir: string | undefined, cacheDir: string): { loaded: LoadedRules; save: () => void } {
  const texts = readRuleTexts(dir);
  const name = `rules-${sha256(`${codeVersion()}\0${texts.dir}\0${texts.hash}`).slice(0, 32)}.json`;
  const file = join(cacheDir, name);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { hash?: string; data?: RuleData };
    if (stored.hash === texts.hash && stored.data) return { loaded: { data: stored.data, hash: texts.hash, dir: texts.dir }, save: () => undefined };
  } catch {
    // No entry (or one cut short): parse.
  }
  const loaded = parseRuleTexts(texts);
  return { loaded, save: () => save(cacheDir, name, JSON.stringify({ hash: loaded.hash, data: loaded.data })) };
}

/** Writes the entry whole (temp file, then rename) and drops the entries of other rules; a
 * failure (a read-only or full disk) only means the next run parses again. */
function save(cacheDir: string, name: string, text: string): void {
  const file = join(cacheDir, name);
  const tmp = tempPath(file);
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, file);
    for (const other of readdirSync(cacheDir)) if (ENTRY.test(other) && other !== name) rmSync(join(cacheDir, other), { force: true });
  } catch {
    rmSync(tmp, { force: true });
  }
}
