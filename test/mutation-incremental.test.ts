/** scripts/mutation/run.mjs --incremental: one incremental file per engine, seeded from its last report. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const runModule: string = '../scripts/mutation/run.mjs';
const { incrementalArgs } = (await import(runModule)) as {
  incrementalArgs(reports: string, name: string, incremental: boolean): string[];
};

describe('incrementalArgs', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'mutation-incremental-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('adds nothing without --incremental', () => {
    expect(incrementalArgs(dir(), 'shared', false)).toEqual([]);
  });

  it('gives each engine its own file, seeded from the engine’s last report', () => {
    const d = dir();
    writeFileSync(join(d, 'shared.json'), '{"files":{}}');
    expect(incrementalArgs(d, 'shared', true)).toEqual(['--incremental', '--incrementalFile', join(d, 'shared.incremental.json')]);
    expect(readFileSync(join(d, 'shared.incremental.json'), 'utf8')).toBe('{"files":{}}');
    writeFileSync(join(d, 'shared.json'), '{"files":{"newer":1}}');
    incrementalArgs(d, 'shared', true);
    expect(readFileSync(join(d, 'shared.incremental.json'), 'utf8')).toBe('{"files":{}}');
    expect(incrementalArgs(d, 'finance', true)).toEqual(['--incremental', '--incrementalFile', join(d, 'finance.incremental.json')]);
    expect(() => readFileSync(join(d, 'finance.incremental.json'))).toThrow(/ENOENT/);
  });
});
