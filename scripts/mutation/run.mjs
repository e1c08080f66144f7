#!/usr/bin/env node
/**
 * Mutation testing, one engine at a time (docs/testing.md).
 *
 *   node scripts/mutation/run.mjs                 every engine (npm run test:mutation)
 *   node scripts/mutation/run.mjs aml risk        the named engines
 *   node scripts/mutation/run.mjs --changed [ref] only engine files changed against `ref` (default:
 *                                                 the merge base with main, or the previous commit
 *                                                 on main itself), uncommitted changes included
 *   node scripts/mutation/run.mjs --incremental … with any of the above: Stryker's incremental mode,
 *                                                 re-testing only mutants whose code or covering test
 *                                                 files changed since the engine's last run
 *                                                 (reports/mutation/<engine>.incremental.json, seeded
 *                                                 from reports/mutation/<engine>.json when missing)
 *
 * Each engine runs `stryker run --mutate <its files>` with only its tests (STRYKER_ENGINE_TESTS, read
 * by vitest.mutation.config.ts). Fails when an engine's score is below its `minimum` (engines.mjs; set
 * it to the recorded score, target 90) and reports every engine below the 90 % target.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES } from './engines.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The target; an engine fails the run only once its measured score is recorded as its `minimum`. */
const TARGET = 90;

function git(...args) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The ref a change is measured against: the merge base with main, or HEAD~1 on main itself. */
function defaultBase() {
  const head = git('rev-parse', 'HEAD');
  for (const main of ['main', 'origin/main']) {
    const base = git('merge-base', 'HEAD', main);
    if (base && base !== head) return base;
  }
  return git('rev-parse', '--verify', '--quiet', 'HEAD~1');
}

/** `src/a/*.ts` style globs (a `*` within one path segment) as a test on a path. */
function matcher(glob) {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return (path) => re.test(path);
}

/** Per engine, the files to mutate: all of them, or only the changed ones under --changed. */
export function selectEngines(names, changed) {
  const out = [];
  for (const [name, engine] of Object.entries(ENGINES)) {
    if (names.length && !names.includes(name)) continue;
    if (!changed) {
      out.push({ name, engine, mutate: engine.mutate });
      continue;
    }
    const mine = changed.filter((f) => engine.mutate.some((g) => matcher(g)(f)));
    if (mine.length) out.push({ name, engine, mutate: mine });
  }
  return out;
}

/**
 * Stryker's incremental mode for one engine: its own incremental file, so engines do not overwrite
 * each other's results. The engine's last JSON report has the same format and seeds a missing file.
 * Tests without a location (vitest's) count as changed when anything in their file changed.
 */
export function incrementalArgs(reports, name, incremental) {
  if (!incremental) return [];
  const file = join(reports, `${name}.incremental.json`);
  const last = join(reports, `${name}.json`);
  if (!existsSync(file) && existsSync(last)) copyFileSync(last, file);
  return ['--incremental', '--incrementalFile', file];
}

/** Stryker's mutation score: detected / valid mutants (compile errors and ignored ones left out). */
export function scoreOf(report) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status in counts) counts[m.status]++;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push(
          `${file}:${m.location.start.line} ${m.mutatorName} ${m.status}${m.replacement ? ` → ${m.replacement.split('\n')[0]}` : ''}`,
        );
      }
    }
  }
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return { ...counts, valid, score: valid === 0 ? 100 : (100 * detected) / valid, survivors };
}

function main(argv) {
  const names = [];
  let changedMode = false;
  let incremental = false;
  let ref = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--incremental') incremental = true;
    else if (argv[i] === '--changed') {
      changedMode = true;
      if (argv[i + 1] && !argv[i + 1].startsWith('--') && !(argv[i + 1] in ENGINES)) ref = argv[++i];
    } else names.push(argv[i]);
  }
  let changed = null;
  if (changedMode) {
    ref ??= defaultBase();
    if (!ref) {
      console.log('mutation: no earlier commit to compare with; nothing to mutate.');
      return 0;
    }
    const diff = git('diff', '--name-only', ref);
    const untracked = git('ls-files', '--others', '--exclude-standard');
    if (diff === null) {
      console.error(`mutation: cannot diff against ${ref}`);
      return 1;
    }
    changed = [...diff.split('\n'), ...(untracked ?? '').split('\n')].filter(Boolean);
  }
  const unknown = names.filter((n) => !(n in ENGINES));
  if (unknown.length) {
    console.error(`mutation: unknown engine(s) ${unknown.join(', ')}; known: ${Object.keys(ENGINES).join(', ')}`);
    return 2;
  }
  const selected = selectEngines(names, changed);
  if (!selected.length) {
    console.log('mutation: no engine file changed; nothing to mutate.');
    return 0;
  }
  const reports = join(root, 'reports', 'mutation');
  mkdirSync(reports, { recursive: true });
  const results = [];
  for (const { name, engine, mutate } of selected) {
    console.log(`\n==> mutation: ${name} (${mutate.join(', ')})`);
    // STRYKER_CONCURRENCY overrides the config's two test processes (e.g. 1 when the machine is shared).
    const concurrency = process.env.STRYKER_CONCURRENCY ? ['--concurrency', process.env.STRYKER_CONCURRENCY] : [];
    const r = spawnSync(
      'npx',
      ['stryker', 'run', '--mutate', mutate.join(','), ...concurrency, ...incrementalArgs(reports, name, incremental)],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, STRYKER_ENGINE_TESTS: engine.tests.join(',') },
      },
    );
    const json = join(reports, 'mutation.json');
    if (r.status !== 0 || !existsSync(json)) {
      results.push({ name, failed: `stryker exited with ${r.status}` });
      continue;
    }
    copyFileSync(json, join(reports, `${name}.json`));
    const s = scoreOf(JSON.parse(readFileSync(json, 'utf8')));
    results.push({ name, ...s, minimum: engine.minimum ?? null });
  }
  console.log('\nengine        score  killed  timeout  survived  no-cov  minimum');
  let status = 0;
  for (const r of results) {
    if (r.failed) {
      console.log(`${r.name.padEnd(12)}  ${r.failed}`);
      status = 1;
      continue;
    }
    const low = r.minimum !== null && r.score < r.minimum;
    if (low) status = 1;
    console.log(
      `${r.name.padEnd(12)} ${r.score.toFixed(1).padStart(6)} ${String(r.Killed).padStart(7)} ${String(r.Timeout).padStart(8)} ${String(r.Survived).padStart(9)} ${String(r.NoCoverage).padStart(7)} ${String(r.minimum ?? '–').padStart(8)}${low ? '  BELOW MINIMUM' : r.score < TARGET ? `  below the ${TARGET} % target` : ''}`,
    );
    for (const line of r.survivors) console.log(`    survived: ${line}`);
  }
  return status;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
