#!/usr/bin/env node
/**
 * Compiles src/ to dist/ (JavaScript + source maps with the sources inlined), which bin/styrerom.mjs
 * runs. Runs at install (`prepare`, so `npm ci` builds) and by `npm run build`; tests build once in
 * vitest's globalSetup (test/support/build.ts). Transpile only (`--noCheck`): `npm run typecheck`
 * checks types. The output is replaced as a whole (built next to it, then renamed) so a running CLI
 * never sees half a build; dist/BUILD records when it was built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');
const TMP = join(ROOT, `dist.tmp-${process.pid}`);

let tsc;
try {
  tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  // An install without devDependencies: bin/styrerom.mjs runs the sources through tsx instead.
  process.stderr.write('styrerom build: typescript er ikke installert; kommandoen kjører kildekoden via tsx i stedet.\n');
  process.exit(0);
}

await rm(TMP, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--noCheck', '--outDir', TMP], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  await rm(TMP, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

// The worker entries (SAF-T, queue_log) register tsx and import the .ts reader; compiled, they import the .js one.
for (const [worker, reader] of [
  ['finance/ledger/saft.worker.mjs', 'saft.worker'],
  ['service/calls/queue-log.worker.mjs', 'queue-log.worker'],
]) {
  const workerSource = await readFile(join(ROOT, 'src', worker), 'utf8');
  await writeFile(
    join(TMP, worker),
    `// Compiled worker entry (written by scripts/build.mjs from src/${worker}).\nawait import('./${reader}.js');\n`,
  );
  if (!workerSource.includes(`'./${reader}.ts'`)) throw new Error(`scripts/build.mjs: ${worker} changed; update the build`);
}
// The CLI as one bundle (dist/bundle/): a command then loads a few files instead of ~300 of ours and
// ~270 of Kysely's, which is most of a short command's start-up (docs/performance.md). Packages stay
// external (native ones, CommonJS ones that require Node built-ins, lazily loaded heavy ones) except
// the two pure-ESM ones with many files. A source file's `import.meta.url` is rewritten to the URL of
// its per-file twin in dist/, so the files it finds next to itself (migrations, the SAF-T worker,
// commands.json, the user guide) are found from the bundle too.
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('styrerom build: esbuild er ikke installert; kommandoen kjører dist/ fil for fil.\n');
}
if (esbuild) {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const inline = new Set(['kysely', 'temporal-polyfill', 'cli-progress', 'csv-parse', 'iconv-lite', 'saxes', 'marked']);
  const external = Object.keys(pkg.dependencies)
    .filter((d) => !inline.has(d))
    .flatMap((d) => [d, `${d}/*`]);
  const bundleDir = join(TMP, 'bundle');
  const twinUrls = {
    name: 'twin-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        if (contents.includes('import.meta.url')) {
          const own = relative(join(ROOT, 'src'), args.path);
          // Migrations are bundled too (one Kysely), so the migrator looks next to its bundled twin.
          const twin = relative(bundleDir, join(own === join('storage', 'migrate.ts') ? bundleDir : TMP, own))
            .replace(/\.ts$/, '.js')
            .split(sep)
            .join('/');
          contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(twin)}, import.meta.url).href`);
        }
        return { contents, loader: 'ts' };
      });
    },
  };
  await esbuild.build({
    entryPoints: {
      cli: join(ROOT, 'src', 'cli', 'main.ts'),
      ...Object.fromEntries(
        (await readdir(join(ROOT, 'src', 'storage', 'migrations')))
          .filter((f) => /^\d{12}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
          .map((f) => [`storage/migrations/${f.replace(/\.ts$/, '')}`, join(ROOT, 'src', 'storage', 'migrations', f)]),
      ),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: bundleDir,
    sourcemap: true,
    sourcesContent: true,
    external,
    plugins: [twinUrls],
    // CommonJS packages in the bundle require Node built-ins (`readline`, …) at run time.
    banner: { js: "import { createRequire as __styreromRequire } from 'node:module'; const require = __styreromRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

// Help is answered from this list without loading any domain (src/cli/main.ts).
const listed = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `const { domains } = await import(${JSON.stringify(pathToFileURL(join(TMP, 'domains.js')).href)});
     const { builtinCommands } = await import(${JSON.stringify(pathToFileURL(join(TMP, 'cli/run.js')).href)});
     const pick = (c) => ({ name: c.name, summary: c.summary, usage: c.usage });
     process.stdout.write(JSON.stringify({ builtins: builtinCommands(domains).map(pick), domainCommands: domains.flatMap((d) => d.commands ?? []).map(pick) }));`,
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (listed.status !== 0) {
  await rm(TMP, { recursive: true, force: true });
  process.exit(listed.status ?? 1);
}
await writeFile(join(TMP, 'cli/commands.json'), listed.stdout);
await writeFile(join(TMP, 'BUILD'), `${new Date().toISOString()}\n`);

const OLD = `${OUT}.old-${process.pid}`;
if (existsSync(OUT)) await rename(OUT, OLD);
await rename(TMP, OUT);
await rm(OLD, { recursive: true, force: true });
