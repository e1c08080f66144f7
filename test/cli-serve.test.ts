/** `styrerom serve` as a real process: prints its URL, answers, and exits 0 on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'styrerom-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('styrerom serve (spawned)', () => {
  it('migrates, prints the URL, serves the shell and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/styrerom.mjs'), 'serve', '--port', '0', '--database', `sqlite:${join(dir, 's.db')}`],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, STYREROM_DATA_DIR: dir, LOG_LEVEL: 'warn', STYREROM_ORG_NAME: 'Serveforetaket' },
      },
    );
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let stdout = '';
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = /Styrerom kjører på (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m?.[1]) done(m[1]);
      });
      child.on('exit', () => fail(new Error(`serve exited early: ${stdout}`)));
    });
    expect((await fetch(`${url}health`)).status).toBe(200);
    expect(await (await fetch(url)).text()).toContain('Serveforetaket');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
