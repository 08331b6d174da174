/** extract(text): the claims of one text, the same records a run makes of that text at that path. */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract, IngestError, processArticle, articleFromBytes, getRules } from '../src/index.js';
import { corpusDir } from './helpers.js';

describe('extract', () => {
  const name = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()[0];
  const bytes = readFileSync(join(corpusDir, name));

  test('gives the records processArticle gives the same text at the same path', () => {
    const path = `corpus/${name}`;
    const got = extract(bytes.toString('utf8'), { url: path });
    const want = processArticle(articleFromBytes(path, bytes), getRules());
    expect(got.claims.length).toBeGreaterThan(0);
    expect(got.claims).toEqual(want.claims);
    expect(got.report).toEqual(want.report);
  });

  test('keeps a URL whole as the source path and hands the metadata back on source', () => {
    const url = 'https://news.example/2025/02/acme?ref=rss#top';
    const r = extract('Acme Corp said revenue rose 12% to $4.5 billion.', { url, published: '2025-02-01', title: 'Acme grows' });
    expect(r.claims.every((c) => c.source.path === url && c.source.url === url)).toBe(true);
    expect(r.source).toMatchObject({ path: url, url, published: '2025-02-01', title: 'Acme grows' });
  });

  test('without a URL the path is "text"; an empty text is refused as a run refuses it', () => {
    expect(extract('Sales rose 8% at Globex.').source.path).toBe('text');
    expect(() => extract('')).toThrow(IngestError);
  });
});
