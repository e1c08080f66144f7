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
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
