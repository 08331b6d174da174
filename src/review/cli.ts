/**
 * The command-line side of review, kept here so cli.ts only wires it: `claims review` and the
 * `--review` / `--decisions` options of `claims run`.
 */
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeReviewSite } from './site.js';
import { lockOutput } from '../output/lock.js';
import { finishCommit } from '../output/atomic.js';
import { escapeControls, oneLine } from '../util/message.js';
import { DecisionsError } from './decisions.js';
import type { DecisionsReport } from './schema.js';

/** Writes <out>/review/ and says where it is (and which sources could not be shown). */
export async function reviewCommand(out: string, opts: { root?: string; quiet?: boolean }): Promise<void> {
  // The review writes into the output folder: it takes the folder's lock, and finishes an output
  // set an older version's killed run left half switched (.commit.json) before it reads the set.
  if (!existsSync(out)) throw new Error(`no such output folder: ${out}`);
  const lock = lockOutput(out);
  let s;
  try {
    await finishCommit(out);
    s = await writeReviewSite({ out, root: opts.root });
  } finally {
    lock.release();
  }
  for (const m of s.missing) process.stderr.write(`claims: review: ${escapeControls(m.path)}: ${oneLine(m.reason)}\n`);
  if (!opts.quiet) process.stderr.write(`claims: review site for ${s.claims} claims in ${s.articles} articles → ${s.dir}/index.html\n`);
}

/** Tells on stderr what a decisions file did; unknown ids are listed, not lost. */
export function reportDecisions(r: DecisionsReport | undefined): void {
  if (!r) return;
  process.stderr.write(`claims: decisions from ${r.file}: ${r.accepted} accepted, ${r.rejected} rejected, ${r.corrected} corrected, ${r.unknown.length} for claims not in this run\n`);
  for (const id of r.unknown) process.stderr.write(`claims: decision for unknown claim ${id} (kept in the file, listed in run.json)\n`);
}

export { DecisionsError };

/** Adds `claims review [out]`. */
export function addReviewCommand(program: Command): void {
  program
    .command('review')
    .description('write a static review site (open <out>/review/index.html from disk) for the run in <out>')
    .argument('[out]', 'the run\'s output folder', 'output')
    .option('--root <dir>', 'folder the article paths are relative to (default: the working directory)')
    .option('-q, --quiet', 'no summary on stderr')
    .action(async (out: string, opts: { root?: string; quiet?: boolean }) => {
      try {
        await reviewCommand(out, opts);
      } catch (err) {
        process.stderr.write(`claims: review: ${oneLine((err as Error).message)}\n`);
        process.exitCode = 2;
      }
    });
}
