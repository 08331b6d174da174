// Builds a benchmark corpus from the nlp-corpus package (real English sentences) joined into
// ~4 KB articles, written as files so the run includes ingest. Deterministic: the same size gives
// the same files. Past the package's ~8.8 MB the sentences are reused in a rotated order, so no
// two articles are the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import corpus from 'nlp-corpus';

export const ARTICLE_BYTES = 4096;

/** Writes articles totalling about `megabytes` MB into `dir`; returns their count and bytes. */
export function buildCorpus(dir, megabytes) {
  const sentences = corpus.all();
  mkdirSync(dir, { recursive: true });
  const target = Math.round(megabytes * 1024 * 1024);
  let total = 0, count = 0, i = 0, round = 0;
  const texts = [];
  while (total < target) {
    let article = '';
    while (article.length < ARTICLE_BYTES && total + article.length < target) {
      // Each pass over the sentences starts at another offset and steps differently.
      const k = (i * (round * 2 + 1) + round * 7919) % sentences.length;
      article += (article ? ' ' : '') + sentences[k];
      i++;
      if (i % sentences.length === 0) round++;
    }
    const name = `article-${String(count).padStart(6, '0')}.txt`;
    writeFileSync(join(dir, name), article + '\n');
    texts.push(article);
    total += Buffer.byteLength(article) + 1;
    count++;
  }
  return { articles: count, bytes: total, texts };
}
