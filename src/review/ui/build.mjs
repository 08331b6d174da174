// Builds the review page into dist/review/ui (run by `npm run build`): esbuild bundles the page's
// modules and @tanstack/virtual-core into one classic script (file:// pages cannot load ES modules),
// and the libraries' licences ship beside it. Same sources, same bytes: no banner, no dates.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', '..', 'dist', 'review', 'ui');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'main.js')], bundle: true, format: 'iife', target: 'chrome110', minify: true,
  legalComments: 'none', outfile: join(out, 'app.js'), logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(here, f), join(out, f));
const require = createRequire(import.meta.url);
const pkg = (name) => dirname(require.resolve(`${name}/package.json`));
const licence = (name) => readFileSync(join(pkg(name), 'LICENSE'), 'utf8');
writeFileSync(join(out, 'LICENSES.txt'), `The review page bundles these libraries.\n\n@tanstack/virtual-core (MIT)\n\n${licence('@tanstack/virtual-core')}`);
