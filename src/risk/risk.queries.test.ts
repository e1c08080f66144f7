import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { isAppError } from '../shared/errors.ts';
import {
  addAssessment,
  closeRisk,
  createRisk,
  listAssessments,
  listRevisions,
  loadRiskMatrix,
  registerForPeriod,
  rollRegisterForward,
  saveRiskMatrix,
  updateRisk,
} from './risk.queries.ts';
import type { Risk } from './risk.ts';
import { DEFAULT_RISK_MATRIX } from './risk-level.ts';

const stamp = (at: string) => ({ at, by: 'tester' });
const base: Risk = {
  id: 'OR-10',
  title: 'Forsinket leveranse',
  description: 'Leverandøren kan bli forsinket',
  owner: 'Direktør',
  category: 'delivery',
  scope: 'enterprise',
  opened: '2025-01-10',
  closed: null,
};
const assessment = (period: string, p: number, c: number, statusText = `status ${period}`) => ({
  riskId: 'OR-10',
  period,
  probability: p,
  consequence: c,
  statusText,
  assessedBy: 'Risikoeier',
  assessedAt: `${period}-25`,
  state: 'final' as const,
});

describeEachDialect('risk register storage', (ctx) => {
  it('starts with the spec default matrix stored in the database', async () => {
    expect(await loadRiskMatrix(ctx.db)).toEqual(DEFAULT_RISK_MATRIX);
  });

  it('creates a risk with revision 1 and refuses to reuse its id', async () => {
    await createRisk(ctx.db, base, stamp('2025-01-10T08:00:00.000Z'));
    await createRisk(ctx.db, { ...base, id: 'OR-11', title: 'Annen risiko' }, stamp('2025-01-10T08:00:00.000Z'));
    const err = await createRisk(ctx.db, base, stamp('2025-01-11T08:00:00.000Z')).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CONFLICT');
    expect((await listRevisions(ctx.db, 'OR-10')).map((r) => [r.revision, r.change])).toEqual([[1, 'created']]);
  });

  it('keeps every version of an edited risk', async () => {
    await updateRisk(ctx.db, 'OR-10', { ...base, title: 'Forsinket leveranse fra Frequentis' }, stamp('2025-02-01T08:00:00.000Z'));
    const unchanged = await updateRisk(
      ctx.db,
      'OR-10',
      { ...base, title: 'Forsinket leveranse fra Frequentis' },
      stamp('2025-02-02T08:00:00.000Z'),
    );
    expect(unchanged.changed).toBe(false);
    const revs = await listRevisions(ctx.db, 'OR-10');
    expect(revs.map((r) => r.title)).toEqual(['Forsinket leveranse', 'Forsinket leveranse fra Frequentis']);
  });

  it('keeps a corrected assessment for the same period next to the original', async () => {
    await addAssessment(ctx.db, assessment('2025-01', 2, 3), { ...stamp('2025-01-25T08:00:00.000Z'), source: 'form' });
    await addAssessment(ctx.db, assessment('2025-03', 3, 4, 'mars først'), { ...stamp('2025-03-25T08:00:00.000Z'), source: 'form' });
    await addAssessment(ctx.db, assessment('2025-03', 3, 3, 'mars rettet'), { ...stamp('2025-03-26T08:00:00.000Z'), source: 'form' });
    const all = await listAssessments(ctx.db, { riskId: 'OR-10' });
    expect(all.map((a) => a.statusText)).toEqual(['status 2025-01', 'mars først', 'mars rettet']);
    const march = await registerForPeriod(ctx.db, { period: '2025-03' });
    expect(march.entries.find((e) => e.risk.id === 'OR-10')?.score).toBe(9);
    const asKnownBefore = await registerForPeriod(ctx.db, { period: '2025-03', knownAt: '2025-03-25T12:00:00.000Z' });
    expect(asKnownBefore.entries.find((e) => e.risk.id === 'OR-10')?.assessment?.statusText).toBe('mars først');
  });

  it('carries the March assessment forward into May with movement "same"', async () => {
    const may = await registerForPeriod(ctx.db, { period: '2025-05' });
    const e = may.entries.find((x) => x.risk.id === 'OR-10');
    expect(e?.carriedForward).toBe(true);
    expect(e?.score).toBe(9);
    expect(e?.movement.kind).toBe('same');
  });

  it('rolls forward to a new period without losing or changing anything, once', async () => {
    const before = await listAssessments(ctx.db);
    const drafts = await rollRegisterForward(ctx.db, '2025-06', stamp('2025-06-01T06:00:00.000Z'));
    expect(drafts.map((d) => [d.riskId, d.period, d.state, d.statusText, d.probability, d.consequence])).toEqual([
      ['OR-10', '2025-06', 'draft', 'mars rettet', 3, 3],
    ]);
    const after = await listAssessments(ctx.db);
    expect(after.filter((a) => a.period !== '2025-06')).toEqual(before);
    expect(await rollRegisterForward(ctx.db, '2025-06', stamp('2025-06-02T06:00:00.000Z'))).toEqual([]);
    expect(await listAssessments(ctx.db)).toEqual(after);
  });

  it('rejects an assessment before the risk was opened, naming the period', async () => {
    const err = await addAssessment(ctx.db, assessment('2024-12', 1, 1), { ...stamp('2025-01-01T00:00:00.000Z'), source: 'api' }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(err) && err.code).toBe('VALIDATION');
    expect(isAppError(err) && err.problems[0]?.message).toBe('perioden 2024-12 er før risikoen ble åpnet (2025-01-10)');
  });

  it('closes a risk as a new revision; it then leaves the open register', async () => {
    await closeRisk(ctx.db, 'OR-11', '2025-04-15', stamp('2025-04-15T10:00:00.000Z'));
    expect((await listRevisions(ctx.db, 'OR-11')).map((r) => r.change)).toEqual(['created', 'closed']);
    const april = await registerForPeriod(ctx.db, { period: '2025-04' });
    const e = april.entries.find((x) => x.risk.id === 'OR-11');
    expect([e?.open, e?.movement.kind]).toEqual([false, 'closed']);
    const march = await registerForPeriod(ctx.db, { period: '2025-03' });
    expect(march.entries.find((x) => x.risk.id === 'OR-11')?.open).toBe(true);
  });

  it('stores a new matrix version and uses it', async () => {
    await saveRiskMatrix(
      ctx.db,
      { ...DEFAULT_RISK_MATRIX, reportingThreshold: 10, axes: 'probability-x' },
      stamp('2025-05-01T00:00:00.000Z'),
    );
    const m = await loadRiskMatrix(ctx.db);
    expect([m.reportingThreshold, m.axes]).toEqual([10, 'probability-x']);
    await saveRiskMatrix(ctx.db, DEFAULT_RISK_MATRIX, stamp('2025-05-02T00:00:00.000Z'));
  });
});
