/**
 * Two writers at once on SQLite: a CLI import while another connection holds a write transaction
 * waits for the lock (busy timeout), and if it still cannot get it exits with BUSY (12) and a
 * Norwegian message, leaving the data unchanged.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'styrerom-busy-'));
const dbFile = join(dir, 'busy.db');
const env = { PATH: process.env.PATH, HOME: process.env.HOME, STYREROM_DATA_DIR: dir, DATABASE_URL: `sqlite:${dbFile}` };

type Run = { code: number; stdout: string; stderr: string };

function styrerom(extraEnv: Record<string, string>, ...args: string[]): Promise<Run> {
  return spawnCli(extraEnv, args).result;
}

function spawnCli(extraEnv: Record<string, string>, args: string[]): { pid: number | undefined; result: Promise<Run> } {
  let pid: number | undefined;
  const result = new Promise<Run>((done) => {
    pid = execFile(
      process.execPath,
      [join(ROOT, 'bin/styrerom.mjs'), ...args],
      { cwd: ROOT, env: { ...env, ...extraEnv }, timeout: 60_000 },
      (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ).pid;
  });
  return { pid, result };
}

/** Resolves once process `pid` has the database file open (it is about to write). */
async function opened(pid: number | undefined): Promise<void> {
  for (;;) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => safeLink(`/proc/${pid}/fd/${fd}`) === dbFile)) return;
    } catch {
      return; // exited already
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function safeLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

const risks = (id: string) => `id;title;description;owner;category;scope;opened;closed\n${id};Låst;;Eier;economy;enterprise;2025-01-05;\n`;

function count(): number {
  const raw = new Sqlite(dbFile, { readonly: true });
  try {
    return (raw.prepare('select count(*) as n from risks').get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  expect((await styrerom({}, 'migrate')).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a CLI import while another connection holds a write transaction', () => {
  it('exits with BUSY (12) and a Norwegian message when the lock is not released in time; nothing changes', async () => {
    const holder = new Sqlite(dbFile);
    holder.prepare('begin immediate').run();
    try {
      writeFileSync(join(dir, 'a.csv'), risks('OR-1'));
      const r = await styrerom({ STYREROM_SQLITE_BUSY_TIMEOUT_MS: '300' }, 'import', 'risks', join(dir, 'a.csv'));
      expect(r.code, r.stderr).toBe(EXIT_CODES.BUSY);
      expect(r.code).toBe(12);
      expect(r.stderr).toMatch(/^Feil: Databasen er opptatt: en annen prosess skriver til den og slapp ikke låsen i tide\./m);
      expect(r.stderr).not.toMatch(/database is locked|SqliteError|\n\s+at /);
    } finally {
      holder.prepare('rollback').run();
      holder.close();
    }
    expect(count()).toBe(0);
  }, 120_000);

  it('waits for the lock within the busy timeout and then imports', async () => {
    const holder = new Sqlite(dbFile);
    holder.prepare('begin immediate').run();
    try {
      writeFileSync(join(dir, 'b.csv'), risks('OR-2'));
      const child = spawnCli({ STYREROM_SQLITE_BUSY_TIMEOUT_MS: '30000' }, ['import', 'risks', join(dir, 'b.csv')]);
      await opened(child.pid);
      await new Promise((r) => setTimeout(r, 1000)); // the import now waits for the lock
      holder.prepare('rollback').run();
      holder.close();
      const r = await child.result;
      expect(r.code, r.stderr).toBe(0);
    } finally {
      if (holder.open) {
        holder.prepare('rollback').run();
        holder.close();
      }
    }
    expect(count()).toBe(1);
  }, 120_000);
});
