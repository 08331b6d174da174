/**
 * Reads an article's metadata sidecar (`<name>.meta.json`, see meta.ts) from disk: its bytes when
 * there is one, a warning when there is one that cannot be used, nothing when there is none. Its
 * content is checked later, with the article (meta.ts readSidecar), so a reused result repeats
 * the same warnings.
 */
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { MAX_SIDECAR_BYTES } from './meta.js';

export async function readSidecarBytes(path: string): Promise<{ bytes: Buffer | null; warning: string | null }> {
  // (Synchronous, as the article is read: most articles have none, and a missing file is answered
  // at once, without a round trip through the thread pool.)
  let info: Stats | null = null;
  try { info = lstatSync(path); } catch { return { bytes: null, warning: null }; }
  const name = path.split(/[\\/]/).pop();
  if (!info.isFile()) return { bytes: null, warning: `${name}: metadata sidecar is not a regular file; ignored` };
  if (info.size > MAX_SIDECAR_BYTES) return { bytes: null, warning: `${name}: metadata sidecar is ${info.size} bytes, over the ${MAX_SIDECAR_BYTES}-byte limit; ignored` };
  try {
    return { bytes: readFileSync(path), warning: null };
  } catch (err) {
    return { bytes: null, warning: `${name}: metadata sidecar cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); ignored` };
  }
}
