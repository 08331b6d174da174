// Bundles a pool thread's code into one file, dist/pipeline/worker.bundle.js (run by `npm run
// build`, after tsc): dist/pipeline/worker.js and every module it imports, ours and those of
// node_modules (zod, remark and micromark, franc, yaml). A worker thread then reads and compiles
// one file instead of resolving some 300 ES modules one at a time, which was the largest part of
// its start-up. The same code runs inline (tests compare the pool's bytes with the inline run's).
//
// compromise stays outside: util/compromise.ts loads its own single-file build on first use. The
// bundle sits in dist/pipeline/, at the depth of every compiled module, so the paths modules take
// from import.meta.url ('../../package.json', '../../rules/', createRequire) stay right.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'pipeline');
await build({
  entryPoints: [join(dist, 'worker.js')], outfile: join(dist, 'worker.bundle.js'),
  bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['compromise'], logLevel: 'warning',
  // CommonJS packages inside (yaml) call require() for node's own modules.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
});
