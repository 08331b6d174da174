import { createHash } from 'node:crypto';

/** Hex sha256 of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A short stable id from the parts that identify a record. */
export function stableId(...parts: (string | number | null | undefined)[]): string {
  return sha256(parts.map((p) => String(p ?? '')).join('\u0000')).slice(0, 16);
}
