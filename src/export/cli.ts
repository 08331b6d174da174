/**
 * The command-line side of exports, kept here so cli.ts only wires it: the format list that
 * `claims export --format` and `claims run --export` take, and the lines they print.
 */
import { InvalidArgumentError } from 'commander';
import { EXPORT_FORMATS, exportRun, type ExportFormat } from './index.js';

/** "csv,graphml" → ['csv', 'graphml']; an unknown name is a usage error (exit 2). */
export function parseFormats(value: string): ExportFormat[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(EXPORT_FORMATS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length) throw new InvalidArgumentError(`${unknown.length ? `unknown format ${unknown.join(', ')}; ` : ''}one or more of ${EXPORT_FORMATS.join(', ')}, comma-separated`);
  return [...new Set(names)] as ExportFormat[];
}

/** Exports the run in `out` and says what each file holds on stderr. */
export async function exportCommand(out: string, formats: ExportFormat[], opts: { quiet?: boolean }): Promise<void> {
  for (const e of await exportRun(out, formats)) {
    if (!opts.quiet) process.stderr.write(`claims: wrote ${e.path} (${e.what})\n`);
  }
}
