import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect, freshDatabase } from '../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../imports/imports.ts';
import { exportRegisterCsv, exportRegisterXlsx } from './risk.export.ts';
import { riskAssessmentsImporter, riskRegisterImporter, risksImporter } from './risk.import.ts';
import { listAssessments, listRisks, rollRegisterForward } from './risk.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'risk-import-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const now = '2025-06-02T08:00:00.000Z';

const RISKS = `id;title;description;owner;category;scope;opened;closed
OR-631;Økte kostnader i 2026;"Avhengighet til AMK-IKT; flere linjer
i beskrivelsen";Økonomisjef;economy;enterprise;2024-09-01;
OR-821;Forsinkelser i KAK-prosjektet;;Prosjekteier;delivery;enterprise;01.10.2024;
OR-700;Nøkkelpersonell slutter;;HR-sjef;personnel;enterprise;2025-01-05;2025-04-30
`;
const ASSESSMENTS = `risk_id;period;probability;consequence;status_text;assessed_by;assessed_at
OR-631;2025-04;3;4;Avklaringer pågår.;Økonomisjef;2025-04-24
OR-631;2025-05;3;4;"Som tidligere rapportert.

Per mai 2025 pågår fortsatt disse avklaringene.";Økonomisjef;2025-05-26
OR-821;2025-05;3;3;Frequentis leverer feilrettinger.;Prosjekteier;2025-05-26
OR-700;2025-02;2;2;"- Rekruttering i gang.
- Vikar er leid inn.";HR-sjef;2025-02-20
`;

describeEachDialect('risk importers', (ctx) => {
  it('imports risks and assessments, multi-line fields and Norwegian dates included', async () => {
    const r = await runImport(ctx.db, risksImporter, sourceFromPath(file('risks.csv', RISKS)), { now });
    expect([r.status, r.rowCount, r.problems]).toEqual(['succeeded', 3, []]);
    const a = await runImport(ctx.db, riskAssessmentsImporter, sourceFromPath(file('a.csv', ASSESSMENTS)), { now });
    expect([a.status, a.rowCount]).toEqual(['succeeded', 4]);
    const risks = await listRisks(ctx.db);
    expect(risks.find((x) => x.id === 'OR-821')?.opened).toBe('2024-10-01');
    expect(risks.find((x) => x.id === 'OR-631')?.description).toBe('Avhengighet til AMK-IKT; flere linjer\ni beskrivelsen');
    const may = (await listAssessments(ctx.db, { riskId: 'OR-631' })).at(-1);
    expect(may?.statusText).toBe('Som tidligere rapportert.\n\nPer mai 2025 pågår fortsatt disse avklaringene.');
  });

  it('changes nothing when one row is bad, and names the row and column', async () => {
    const before = await listAssessments(ctx.db);
    const bad = `risk_id;period;probability;consequence;status_text;assessed_by
OR-631;2025-06;3;4;Fortsatt avklaringer.;Økonomisjef
OR-821;2025-06;3;6;Ugyldig konsekvens.;Prosjekteier
OR-999;2025-06;1;1;Ukjent risiko.;Noen
OR-700;2025-06;1;1;Lukket risiko.;HR-sjef
`;
    const r = await runImport(ctx.db, riskAssessmentsImporter, sourceFromPath(file('bad.csv', bad)), { now });
    expect(r.status).toBe('failed');
    const errors = r.problems.map((p) => [p.line, p.column, p.message]);
    expect(errors).toContainEqual([3, 'consequence', 'Konsekvens må være et heltall fra 1 til 5, ikke «6»']);
    expect(errors).toContainEqual([4, 'risk_id', 'risikoen OR-999 finnes ikke i registeret; importer den først (risks)']);
    expect(errors).toContainEqual([5, 'period', 'perioden 2025-06 er etter at risikoen ble lukket (2025-04-30)']);
    expect(r.problems.every((p) => p.file === 'bad.csv')).toBe(true);
    expect(await listAssessments(ctx.db)).toEqual(before);
  });

  it('reports a duplicated risk id on the second row', async () => {
    const dup = 'id;title;opened\nOR-900;A;2025-01-01\nOR-900;B;2025-01-01\n';
    const r = await runImport(ctx.db, risksImporter, sourceFromPath(file('dup.csv', dup)), { now });
    expect(r.problems.map((p) => [p.line, p.column, p.message])).toEqual([[3, 'id', 'risiko-ID OR-900 står også på linje 2']]);
    expect((await listRisks(ctx.db)).some((x) => x.id === 'OR-900')).toBe(false);
  });

  it('updates a known risk as a new revision when re-imported with a change', async () => {
    const changed = RISKS.replace('Forsinkelser i KAK-prosjektet', 'Forsinkelser i KAK-prosjektet (endret)');
    const r = await runImport(ctx.db, risksImporter, sourceFromPath(file('risks2.csv', changed)), { now });
    expect(r.status).toBe('succeeded');
    expect((await listRisks(ctx.db)).find((x) => x.id === 'OR-821')?.title).toBe('Forsinkelser i KAK-prosjektet (endret)');
  });

  it('keeps a re-assessed month next to the original and skips unchanged rows', async () => {
    const again = ASSESSMENTS.replace('OR-821;2025-05;3;3', 'OR-821;2025-05;4;3');
    const r = await runImport(ctx.db, riskAssessmentsImporter, sourceFromPath(file('again.csv', again)), {
      now: '2025-06-03T08:00:00.000Z',
    });
    expect([r.status, r.rowCount]).toEqual(['succeeded', 4]);
    const rows = (await listAssessments(ctx.db, { riskId: 'OR-821' })).map((a) => [a.period, a.probability, a.consequence]);
    expect(rows).toEqual([
      ['2025-05', 3, 3],
      ['2025-05', 4, 3],
    ]);
    expect(await listAssessments(ctx.db)).toHaveLength(5);
    await rollRegisterForward(ctx.db, '2025-06', { at: '2025-06-04T08:00:00.000Z', by: 'tester' });
    expect(await listAssessments(ctx.db)).toHaveLength(7);
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`round-trips the full register through a ${format.toUpperCase()} export into a fresh database`, async () => {
      const path = join(dir, `register-${ctx.dialect}.${format}`);
      writeFileSync(path, format === 'xlsx' ? await exportRegisterXlsx(ctx.db, { period: '2025-05' }) : await exportRegisterCsv(ctx.db));
      const fresh = await freshDatabase(ctx.dialect);
      try {
        const r = await runImport(fresh.db, riskRegisterImporter, sourceFromPath(path), { now: '2025-07-01T00:00:00.000Z' });
        expect([r.status, r.problems]).toEqual(['succeeded', []]);
        expect(await listRisks(fresh.db)).toEqual(await listRisks(ctx.db));
        const strip = (list: Awaited<ReturnType<typeof listAssessments>>) => list.map(({ id: _id, ...rest }) => rest);
        expect(strip(await listAssessments(fresh.db))).toEqual(strip(await listAssessments(ctx.db)));
      } finally {
        await fresh.close();
      }
    });
  }
});
