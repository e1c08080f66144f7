import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { CliContext } from '../../module.ts';
import { checkRosters, parseRosterCases } from './aml.check.ts';
import { workforceCheckCommand } from './aml.command.ts';

const CASES = [
  {
    name: 'Kveld–dag',
    dispensation: false,
    records: [
      { start: '2025-05-05T15:00', end: '2025-05-05T23:00', kind: 'ordinary' },
      { start: '2025-05-06T07:00', end: '2025-05-06T15:00', kind: 'ordinary', cause: 'on-call' },
    ],
  },
  {
    name: 'Kveld–dag med dispensasjon',
    dispensation: true,
    records: [
      { start: '2025-05-05T15:00', end: '2025-05-05T23:00', kind: 'ordinary' },
      { start: '2025-05-06T07:00', end: '2025-05-06T15:00', kind: 'ordinary' },
    ],
  },
  { name: 'Tom', records: [] },
];

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const ctx: CliContext = {
    config: loadConfig({}),
    openDb: () => {
      throw new Error('not needed');
    },
    stdout: (t) => {
      out += t;
    },
    stderr: () => {},
  };
  const code = await workforceCheckCommand.run(argv, ctx);
  return { code, out };
}

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'aml-check-')), 'turnus.json');
  writeFileSync(path, content);
  return path;
}

describe('workforce check (what-if roster)', () => {
  it('prints the breaches of each case as JSON, in input order', async () => {
    const { code, out } = await run([file(JSON.stringify(CASES)), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      {
        name: 'Kveld–dag',
        breaches: [{ rule: 'rest24', month: '2025-05', date: '2025-05-06', key: 'Kveld–dag|rest24|2025-05-06', cause: 'on-call' }],
      },
      { name: 'Kveld–dag med dispensasjon', breaches: [] },
      { name: 'Tom', breaches: [] },
    ]);
  });

  it('prints a readable Norwegian table without --json', async () => {
    const { out } = await run([file(JSON.stringify(CASES))]);
    expect(out).toContain('Kveld–dag: 1 brudd');
    expect(out).toContain('06.05.2025  Daglig hvile');
    expect(out).toContain('Bakvakt og utrykning');
    expect(out).toContain('Kveld–dag med dispensasjon: ingen brudd');
  });

  it('names the case and the record of an invalid record', () => {
    const bad = [{ name: 'Natt', records: [{ start: '2025-03-30T02:30', end: '2025-03-30T08:00', kind: 'ordinary' }] }];
    expect(() => parseRosterCases(bad)).toThrow(/tilfelle 1 \(«Natt»\), post 1: «start» 2025-03-30T02:30 finnes ikke/);
    const backwards = [{ name: 'A', records: [{ start: '2025-05-05T10:00', end: '2025-05-05T09:00', kind: 'ordinary' }] }];
    expect(() => parseRosterCases(backwards)).toThrow(/post 1: slutt/);
    expect(() =>
      parseRosterCases([{ name: 'A', records: [{ start: '2025-05-05T08:00', end: '2025-05-05T09:00', kind: 'vakt' }] }]),
    ).toThrow(/ukjent kind/);
    expect(() => parseRosterCases({})).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('reports unreadable files and bad JSON with error codes, and needs exactly one file', async () => {
    await expect(run(['/no/such/file.json'])).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    await expect(run([file('{oops')])).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(run([])).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('evaluates every rule with the spec limits (a 14 h Friday is hoursDay)', () => {
    const results = checkRosters(
      parseRosterCases([
        { name: 'Fredag', records: [{ start: '2025-06-06T16:00', end: '2025-06-07T06:00', kind: 'overtime', cause: 'patching' }] },
      ]),
    );
    expect(results[0]!.breaches.map((b) => b.rule)).toEqual(['hoursDay', 'overtime7d']);
  });
});
