import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { isAppError } from '../shared/errors.ts';
import { projectsDefectsCommand, projectsMilestonesCommand } from './projects.cli.ts';
import { cliContext, seedProjects } from './projects.testing.ts';

describe('styrerom projects defects / milestones', () => {
  let open: TestDatabase;
  beforeAll(async () => {
    open = await freshDatabase('sqlite');
    await seedProjects(open.db);
  });
  afterAll(async () => open.close());

  it('prints the open defects as of a date as the JSON contract', async () => {
    const { ctx, out } = cliContext(open);
    expect(await projectsDefectsCommand.run(['--project', 'medielogg', '--as-of', '01.06.2025', '--json'], ctx)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({
      project: 'medielogg',
      asOf: '2025-06-01T21:59:59.999Z',
      release: null,
      open: { A: 1, B: 0, C: 1, unclassified: 1 },
      total: 3,
    });
  });

  it('counts an ISO instant just before a creation without it, and limits to a release', async () => {
    const { ctx, out } = cliContext(open);
    await projectsDefectsCommand.run(['--project', 'medielogg', '--as-of', '2025-05-28T09:14:59Z', '--release', '3.2', '--json'], ctx);
    expect(JSON.parse(out.join(''))).toMatchObject({ release: '3.2', open: { A: 0, B: 0, C: 1, unclassified: 0 }, total: 1 });
  });

  it('prints a Norwegian table with the unclassified issues listed', async () => {
    const { ctx, out } = cliContext(open);
    await projectsDefectsCommand.run(['--project', 'medielogg', '--as-of', '2025-06-01'], ctx);
    const text = out.join('');
    expect(text).toContain('Åpne feil i medielogg per 2025-06-01T21:59:59.999Z');
    expect(text).toMatch(/A-feil\s+1\n/);
    expect(text).toMatch(/Uklassifisert\s+1\n/);
    expect(text).toContain('ML-4  Odd');
  });

  it('prints the milestones with slip and history as JSON, and as a table', async () => {
    const { ctx, out } = cliContext(open);
    await projectsMilestonesCommand.run(['--project', 'medielogg', '--json'], ctx);
    const json = JSON.parse(out.join(''));
    expect(
      json.milestones.map((m: { milestone: string; baseline: string; planned: string; slipDays: number }) => [
        m.milestone,
        m.baseline,
        m.planned,
        m.slipDays,
      ]),
    ).toEqual([
      ['CAT', '2025-05-16', '2025-09-18', 125],
      ['PM4', '2025-05-16', '2025-09-18', 125],
    ]);
    expect(json.milestones[0].history).toEqual([
      { changedAt: '2025-05-20T08:00:00.000Z', oldDate: '2025-05-16', newDate: '2025-09-18', reason: 'Ny plan', changedBy: 'pl' },
    ]);
    expect(json.milestones[1].amount).toBe(1_500_000);
    const table = cliContext(open);
    await projectsMilestonesCommand.run(['--project', 'medielogg'], table.ctx);
    expect(table.out.join('')).toContain('CAT: 16.05.2025 → 18.09.2025 (2025-05-20, pl) Ny plan');
  });

  it('fails with USAGE without --project and NOT_FOUND for an unknown project', async () => {
    const { ctx } = cliContext(open);
    const usage = await projectsDefectsCommand.run(['--as-of', '2025-06-01'], ctx).catch((e: unknown) => e);
    expect(isAppError(usage) && usage.code).toBe('USAGE');
    const unknown = await projectsMilestonesCommand.run(['--project', 'nope'], ctx).catch((e: unknown) => e);
    expect(isAppError(unknown) && unknown.code).toBe('NOT_FOUND');
    const badDate = await projectsDefectsCommand.run(['--project', 'medielogg', '--as-of', '32.13.2025'], ctx).catch((e: unknown) => e);
    expect(isAppError(badDate) && badDate.code).toBe('VALIDATION');
  });
});
