/**
 * The compiled CLI (dist/, built by vitest's globalSetup when src/ changed): bin/styrerom.mjs runs
 * it, its command list matches the sources, and help loads no domain and no heavy library.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinCommands } from '../src/cli/run.ts';
import { domains } from '../src/domains.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'styrerom-cli-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { PATH: process.env.PATH, STYREROM_DATA_DIR: dir }, timeout: 120_000 },
      (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the compiled CLI', () => {
  it('is built with source maps that carry the sources, and lists every command exactly as the sources define them', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
    const map = JSON.parse(readFileSync(join(ROOT, 'dist', 'cli', 'run.js.map'), 'utf8')) as {
      sources: string[];
      sourcesContent: string[];
    };
    expect(map.sources).toEqual(['../../src/cli/run.ts']);
    expect(map.sourcesContent[0]).toBe(readFileSync(join(ROOT, 'src', 'cli', 'run.ts'), 'utf8'));
    // bin/styrerom.mjs runs the bundle; its map carries our sources too, the migrations are entries of their own.
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'cli.js'))).toBe(true);
    const bundleMap = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'cli.js.map'), 'utf8')) as { sources: string[] };
    expect(bundleMap.sources).toContain('../../src/cli/main.ts');
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'storage', 'migrations', '202511261200_import_runs.js'))).toBe(true);
    const pick = (c: { name: string; summary: string; usage: string }) => ({ name: c.name, summary: c.summary, usage: c.usage });
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', 'cli', 'commands.json'), 'utf8'))).toEqual({
      builtins: builtinCommands(domains).map(pick),
      domainCommands: domains.flatMap((d) => d.commands ?? []).map(pick),
    });
  });

  it('answers --help, <command> --help, a domain group and an unknown command without loading any domain or heavy library', async () => {
    // A loader hook that fails the process on any of these packages: help must not need them.
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `const HEAVY = /^(kysely|better-sqlite3|pg|fastify|@fastify\\/|pino|echarts|exceljs|playwright-core|marked|sanitize-html|saxes|temporal-polyfill|@node-rs\\/argon2|openid-client)/;
export async function resolve(spec, ctx, next) {
  if (HEAVY.test(spec)) throw new Error('help loaded ' + spec);
  return next(spec, ctx);
}
`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const bin = join(ROOT, 'bin', 'styrerom.mjs');
    const top = await node(['--import', register, bin, '--help']);
    expect(top.code, top.stderr).toBe(0);
    expect(top.stdout).toContain('Bruk: styrerom <kommando> [valg]');
    const kpi = await node(['--import', register, bin, 'kpi', '--help']);
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(kpi.stdout).toContain('Bruk: styrerom kpi [--period ÅÅÅÅ-MM] [--json]');
    const group = await node(['--import', register, bin, 'risk', '--help']);
    expect(group.code, group.stderr).toBe(0);
    expect(group.stdout).toContain('risk export');
    const unknown = await node(['--import', register, bin, 'nosuch']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'Feil: Ukjent kommando «nosuch». Se «styrerom --help».\n' });
    // …while a command that needs the database does load them (the hook is real).
    const run = await node(['--import', register, bin, 'migrate', '--database', 'sqlite::memory:']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('help loaded');
  }, 180_000);
});
