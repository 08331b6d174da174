/**
 * Turns an article's bytes into text, or says exactly why it can't: binary, empty, too large,
 * or not valid in the encoding its BOM (or the UTF-8 default) claims.
 */
export class IngestError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'IngestError';
  }
}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/** Default cap on one article's size: far beyond any news article, well below memory trouble. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Decodes UTF-8 (with or without BOM) and UTF-16 with a BOM; refuses everything else. */
export function decodeArticle(path: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length === 0) throw new IngestError(path, 'empty file');
  if (bytes.length > maxBytes) {
    throw new IngestError(path, `file is ${bytes.length} bytes, over the ${maxBytes}-byte limit`);
  }
  let encoding: Decoded['encoding'] = 'utf-8';
  let body = bytes;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
  }
  if (encoding === 'utf-8' && looksBinary(body)) throw new IngestError(path, 'binary file (NUL bytes), not text');
  if (encoding !== 'utf-8' && body.length % 2 !== 0) {
    throw new IngestError(path, `invalid ${encoding.toUpperCase()}: odd number of bytes`);
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = encoding === 'utf-8' ? firstInvalidUtf8(body) : -1;
    throw new IngestError(path, `invalid ${encoding.toUpperCase()}${at >= 0 ? ` at byte ${at + (bytes.length - body.length)}` : ''}`);
  }
  if (text.trim().length === 0) throw new IngestError(path, 'empty file (only white space)');
  if (controlShare(text) > 0.1) throw new IngestError(path, 'binary file (mostly control characters), not text');
  return { text, encoding };
}

/** A NUL byte in the first 8 KB is the classic sign of a binary file (git and grep use it too). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function controlShare(text: string): number {
  const n = Math.min(text.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n ? bad / n : 0;
}

/** Byte offset of the first invalid UTF-8 sequence (a linear scan), for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}
