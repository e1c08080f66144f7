import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/databases.ts';
import { loadConfig } from '../config.ts';
import { runImport, sourceFromPath } from '../imports/imports.ts';
import type { CliContext } from '../module.ts';
import { isAppError } from '../shared/errors.ts';
import { riskExportCommand, riskRollForwardCommand } from './risk.cli.ts';
import { riskRegisterImporter } from './risk.import.ts';
import { createRisk, insertAssessment, listAssessments, listRisks } from './risk.queries.ts';

describe('styrerom risk export / roll-forward', () => {
  it('writes the full register that imports back unchanged, and rolls forward once', async () => {
    const source = await freshDatabase('sqlite');
    const at = '2025-05-02T10:00:00.000Z';
    await createRisk(
      source.db,
      {
        id: 'OR-1',
        title: 'Én',
        description: '',
        owner: 'Eier',
        category: 'economy',
        scope: 'enterprise',
        opened: '2025-01-01',
        closed: null,
      },
      { at, by: 't' },
    );
    const a = {
      riskId: 'OR-1',
      period: '2025-04',
      probability: 3,
      consequence: 4,
      statusText: '=ikke en formel',
      assessedBy: 'Eier',
      assessedAt: '2025-04-20',
      state: 'final' as const,
    };
    await insertAssessment(source.db, a, { at, by: 't', source: 'api' });
    const out: string[] = [];
    const ctx: CliContext = {
      config: loadConfig({}),
      openDb: async () => ({ ...source, close: async () => {} }),
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
    };
    const dir = mkdtempSync(join(tmpdir(), 'risk-cli-'));
    const file = join(dir, 'register.csv');
    expect(await riskExportCommand.run(['--format', 'csv', '--out', file], ctx)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(";'=ikke en formel;");
    const target = await freshDatabase('sqlite');
    expect((await runImport(target.db, riskRegisterImporter, sourceFromPath(file))).status).toBe('succeeded');
    expect(await listRisks(target.db)).toEqual(await listRisks(source.db));
    expect((await listAssessments(target.db))[0]?.statusText).toBe('=ikke en formel');

    expect(await riskRollForwardCommand.run(['--period', '2025-05'], ctx)).toBe(0);
    expect(await riskRollForwardCommand.run(['--period', '2025-05'], ctx)).toBe(0);
    expect(out.filter((l) => l.includes('utkast laget'))).toEqual(['1 utkast laget for 2025-05\n', '0 utkast laget for 2025-05\n']);

    const err = await riskExportCommand.run(['--format', 'pdf', '--out', file], ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('USAGE');
    await source.close();
    await target.close();
  });
});
