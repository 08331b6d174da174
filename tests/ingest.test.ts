import { describe, expect, test } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeArticle, IngestError } from '../src/ingest/decode.js';
import { articles, readClaims, runPipeline, tempDir } from './helpers.js';

const utf16 = (text: string, endian: 'le' | 'be') => {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
};

describe('decodeArticle', () => {
  test('reads UTF-8 with and without a BOM to the same text', () => {
    const plain = decodeArticle('a.txt', Buffer.from('OpenAI has 5 million users.'));
    const bom = decodeArticle('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('OpenAI has 5 million users.')]));
    expect(bom.text).toBe(plain.text);
    expect(plain.encoding).toBe('utf-8');
  });

  test.each(['le', 'be'] as const)('reads UTF-16%s with a BOM', (endian) => {
    const d = decodeArticle('a.txt', utf16('€123 billion — erased', endian));
    expect(d.text).toBe('€123 billion — erased');
    expect(d.encoding).toBe(`utf-16${endian}`);
  });

  test.each([
    ['empty file', Buffer.alloc(0), /empty file/],
    ['white space only', Buffer.from(' \n\t\n'), /empty file/],
    ['binary (NUL bytes)', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /binary/],
    ['invalid UTF-8', Buffer.from([0x4f, 0x4b, 0x20, 0xc3, 0x28, 0x20, 0x61]), /invalid UTF-8 at byte 3/],
    ['odd-length UTF-16', Buffer.from([0xff, 0xfe, 0x41]), /invalid UTF-16LE/],
  ])('refuses %s with the file and the reason', (_name, bytes, reason) => {
    expect(() => decodeArticle('corpus/bad.txt', bytes)).toThrow(IngestError);
    expect(() => decodeArticle('corpus/bad.txt', bytes)).toThrow(reason);
    expect(() => decodeArticle('corpus/bad.txt', bytes)).toThrow(/^corpus\/bad\.txt: /);
  });

  test('refuses a file over the size limit', () => {
    expect(() => decodeArticle('big.txt', Buffer.alloc(2000, 0x61), 1000)).toThrow(/2000 bytes, over the 1000-byte limit/);
  });
});

describe('a broken article among good ones', () => {
  test('the others still run, the failure is named, the exit code says so', async () => {
    const good = 'OpenAI reportedly reached 750 million users in its latest quarter.\n';
    const dir = articles({
      'a-good.txt': good,
      'b-binary.txt': Buffer.from([0x00, 0x01, 0x02, 0x03]),
      'c-empty.txt': '',
      'd-latin1.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x30, 0x25]),
      'e-utf16.txt': utf16('Anthropic raised $5 billion in 2025 from investors.\n', 'le'),
      'f-big.txt': 'x'.repeat(3000),
    });
    const out = tempDir();
    const summary = await runPipeline([dir], out, { maxBytes: 2000 });
    expect(summary.exitCode).toBe(1);
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.path.split('/').pop(), f.reason]));
    expect(reasons).toEqual({
      'b-binary.txt': expect.stringMatching(/binary/),
      'c-empty.txt': expect.stringMatching(/empty/),
      'd-latin1.txt': expect.stringMatching(/invalid UTF-8/),
      'f-big.txt': expect.stringMatching(/over the 2000-byte limit/),
    });
    const claims = readClaims(out);
    expect(claims.some((c) => c.quantity?.quote === '750 million users')).toBe(true);
    expect(claims.some((c) => c.quantity?.quote === '$5 billion' && c.source.path.endsWith('e-utf16.txt'))).toBe(true);
    const runFile = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(runFile.failed).toHaveLength(4);
    expect(existsSync(join(out, 'graph.json'))).toBe(true);
  });

  test('a missing input is refused before anything is written', async () => {
    const out = join(tempDir(), 'out');
    await expect(runPipeline(['/nonexistent/folder'], out)).rejects.toThrow(/no such file or folder: \/nonexistent\/folder/);
    expect(existsSync(out)).toBe(false);
  });
});
