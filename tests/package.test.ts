/**
 * The package as a user gets it (issue 13): what `npm pack` ships, an install of the tarball into
 * an empty folder, the library imported through its exports map and the `claims` bin run from
 * there; and every type the entry point's functions take or return is exported by it.
 */
import { describe, expect, test, beforeAll } from 'vitest';
import ts from 'typescript';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, tempDir } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm pack', () => {
  // --ignore-scripts: `npm test` has just built dist/, and prepack's rebuild would delete it
  // under the test files running beside this one. That prepack builds is checked on its own.
  const files: string[] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root))[0].files.map((f: { path: string }) => f.path);

  test('prepack builds, so a clean clone packs dist/', () => {
    expect(pkg.scripts.prepack).toMatch(/\bbuild\b/);
  });

  test('ships dist/, the shipped rules, LICENSE and README, and nothing of tests, corpus, output or src', () => {
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/pipeline/worker.bundle.js', 'rules/quantities/scales.yml', 'LICENSE', 'README.md', 'package.json']) expect(files).toContain(f);
    expect(files.filter((f) => /^(tests|corpus|output|src|bench|docs|node_modules)\//.test(f))).toEqual([]);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
  });
});

describe('the packed tarball, installed into an empty folder', () => {
  const dir = tempDir('claims-pack-');
  beforeAll(() => {
    const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', dir], root).trim().split('\n').pop()!;
    // Offline, as CI has no registry: a lockfile made of the project's own (its runtime entries,
    // whose tarballs `npm ci` left in npm's cache) lets `npm ci --offline` install the tarball
    // and its dependencies the way a user's `npm install claims` would lay them out.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const dependencies = { claims: `file:${tarball}` };
    const packages: Record<string, unknown> = {
      '': { name: 'consumer', dependencies },
      'node_modules/claims': { version: pkg.version, resolved: `file:${tarball}`, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
    };
    // The project's lockfile leaves out `resolved` (omit-lockfile-registry-resolved), which offline
    // npm would look up in a package document it may not have cached; the registry's tarball URL
    // with the locked integrity lets it take the tarball from its cache.
    const registry = npm(['config', 'get', 'registry'], root).trim().replace(/\/$/, '');
    type Entry = { version: string; resolved?: string; dev?: boolean; devOptional?: boolean; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    const entries = lock.packages as Record<string, Entry>;
    // What the package needs at run time, optional native helpers included: an entry both a dev
    // tool and a runtime dependency use is marked devOptional, and is needed too.
    const needed = new Set<string>();
    for (const stack = Object.keys(pkg.dependencies); stack.length > 0;) {
      const name = stack.pop()!;
      if (needed.has(name)) continue;
      needed.add(name);
      const e = entries[`node_modules/${name}`];
      if (e) stack.push(...Object.keys({ ...e.dependencies, ...e.optionalDependencies }));
    }
    for (const [k, v] of Object.entries(entries)) {
      const name = k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length);
      if (!k.startsWith('node_modules/') || v.dev || (v.devOptional && !needed.has(name))) continue;
      packages[k] = { resolved: `${registry}/${name}/-/${name.split('/').pop()}-${v.version}.tgz`, ...v };
    }
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }));
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }));
    npm(['ci', '--offline', '--no-audit', '--no-fund'], dir);
  }, 120_000);

  test('imports through the exports map and extracts the claims of a text', () => {
    writeFileSync(join(dir, 'use.js'), `import { extract, claimSchema } from 'claims';
const r = extract('Acme Corp said revenue rose 12% to $4.5 billion yesterday.', { url: 'https://news.example/acme?id=1', published: '2025-02-01' });
console.log(JSON.stringify({ n: r.claims.length, valid: r.claims.every((c) => claimSchema.safeParse(c).success), path: r.claims[0].source.path, published: r.source.published, time: r.claims[0].time }));`);
    const out = JSON.parse(execFileSync(process.execPath, ['use.js'], { cwd: dir, encoding: 'utf8' }));
    expect(out.n).toBeGreaterThan(0);
    // "yesterday" is found by chrono-node, loaded on first use from the installed dependencies.
    expect(out).toMatchObject({ valid: true, path: 'https://news.example/acme?id=1', published: '2025-02-01', time: '2025-01-31' });
  });

  test('deep imports are closed: only the entry point and package.json are exported', () => {
    const r = (spec: string) => execFileSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(spec)}).then(() => console.log('ok'), (e) => console.log(e.code))`], { cwd: dir, encoding: 'utf8' }).trim();
    expect(r('claims/dist/records.js')).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  test('npx claims --help and a run with the installed bin, its shipped rules and worker, and exports by the installed dependencies', () => {
    expect(execFileSync('npx', ['--offline', '--no-install', 'claims', '--help'], { cwd: dir, encoding: 'utf8' })).toMatch(/^Usage: claims/);
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), 'Globex said sales rose 8% to $1.2 billion last year.\n');
    writeFileSync(join(dir, 'in', 'b.md'), '---\npublished: 2025-02-10\n---\nInitech said sales fell 3% to $40 million yesterday.\n');
    execFileSync('npx', ['--offline', '--no-install', 'claims', 'run', 'in', '--out', 'out', '-q', '--workers', '2', '--export', 'nquads,neo4j'], { cwd: dir });
    const claims = readFileSync(join(dir, 'out', 'claims.jsonl'), 'utf8');
    expect(claims).toContain('"path":"in/a.txt"');
    // A pool worker of the installed package resolves a relative time (chrono-node, loaded lazily).
    expect(claims).toContain('"time":"2025-02-09","timeText":"yesterday"');
    // n3 (N-Quads) and csv-stringify's sync entry (Neo4j) come with the package.
    expect(readFileSync(join(dir, 'out', 'export', 'claims.nq'), 'utf8')).toContain('<http://www.w3.org/ns/oa#exact> "$1.2 billion"');
    expect(readFileSync(join(dir, 'out', 'export', 'neo4j', 'claims.csv'), 'utf8')).toMatch(/^id:ID\(claims\),:LABEL,/);
  });
});

test('every type the entry point\'s functions take or return is exported from it', () => {
  const dist = join(root, 'dist');
  const entry = join(dist, 'index.d.ts');
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const exported = new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map(resolve));
  // Compiled rules are handles a caller passes on (getRules → processArticle, extractQuantities):
  // they must be nameable, but what they hold is the stages' business, not the API.
  const opaque = new Set(['CompiledRules', 'LoadedRules', 'QuantityRules']);
  const missing: string[] = [];
  const seen = new Set<ts.Symbol>();
  const visit = (sym: ts.Symbol) => {
    if (seen.has(sym) || opaque.has(sym.name)) return;
    seen.add(sym);
    const walk = (n: ts.Node): void => {
      if (ts.isTypeQueryNode(n)) return; // `typeof someSchema`: a value, exported or not by name
      if (ts.isTypeReferenceNode(n) || ts.isExpressionWithTypeArguments(n)) {
        const at = checker.getSymbolAtLocation(ts.isTypeReferenceNode(n) ? n.typeName : n.expression);
        const target = at && resolve(at);
        const file = target?.declarations?.[0]?.getSourceFile().fileName ?? '';
        if (target && file.startsWith(dist) && !(target.flags & ts.SymbolFlags.TypeParameter)) {
          if (!exported.has(target)) missing.push(`${target.name} (${relative(dist, file)}, used by ${sym.name})`);
          visit(target);
        }
      }
      ts.forEachChild(n, walk);
    };
    for (const d of sym.declarations ?? []) if (d.getSourceFile().fileName.startsWith(dist)) walk(d);
  };
  for (const s of exported) visit(s);
  expect([...new Set(missing)]).toEqual([]);
});
