import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/server-support.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import type { FigureBlock, KpiLinesBlock, TableBlock } from '../../report/blocks.ts';
import type { Db } from '../../storage/db.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { absencesImporter } from './sick-leave.import.ts';
import { sickLeave } from './sick-leave.module.ts';
import { sickLeaveReportBlocks } from './sick-leave-blocks.ts';

/**
 * The spec's three examples in one organisation: A full time self-certified 28–30 May (2 days),
 * B 50 % sick 12–16 May (2.5 days), L full time sick 19 May – 13 June, extended after the cut-off.
 * May: agreed 20 + 10 + 20 = 50; short 4.5 (9 %), long 9 (18 %) as corrected, short 13.5 as first reported.
 * Jan–May: 102 working days × 2.5 positions = 255 agreed, 13.5 lost.
 */
async function seed(db: Db): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sick-leave-routes-'));
  const employees = join(dir, 'employees.csv');
  writeFileSync(
    employees,
    'employee_id;name;position_fraction;valid_from;valid_to;exempt;unit\n' +
      'A;Anne;1;2020-01-01;;0;Drift\nB;Bjørn;0,5;2020-01-01;;0;Servicedesk\nL;Lise;1;2020-01-01;;0;Drift\n',
  );
  const absences = join(dir, 'absences.csv');
  writeFileSync(
    absences,
    'employee_id;from;to;grade;type;registered_at\n' +
      'A;2025-05-28;2025-05-30;;self;2025-05-28T08:00\n' +
      'B;2025-05-12;2025-05-16;1;doctor;2025-05-12T10:00\n' +
      'L;2025-05-19;2025-05-31;1;doctor;2025-05-19T10:00\n' +
      'L;2025-06-01;2025-06-13;1;doctor;2025-06-10T10:00\n',
  );
  await importOrThrow(db, employeesImporter, sourceFromPath(employees));
  await importOrThrow(db, absencesImporter, sourceFromPath(absences));
}

describe('sick leave over HTTP and in the report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([sickLeave]);
    await seed(t.open.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/workforce/sick-leave gives month, YTD, indicator, trend, first reported and the definition', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/workforce/sick-leave?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period).toBe('2025-05');
    expect(body.hasData).toBe(true);
    expect(body.bandRule).toBe('whole-case');
    expect(body.month).toMatchObject({ agreedDays: 50, lostShort: 4.5, lostLong: 9 });
    expect(body.month.shortPct).toBeCloseTo(9, 10);
    expect(body.month.longPct).toBeCloseTo(18, 10);
    expect(body.month.totalPct).toBeCloseTo(27, 10);
    expect(body.ytd.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(body.ytd.agreedDays).toBe(255);
    expect(body.ytd.totalPct).toBeCloseTo((13.5 / 255) * 100, 10);
    expect(body.indicator).toEqual({ target: { op: '<', value: 5 }, monthStatus: 'not-met', ytdStatus: 'not-met' });
    expect(body.firstReported).toMatchObject({ knownAt: '2025-06-05T21:59:00.000Z', lostShort: 13.5, lostLong: 0 });
    expect(body.trend).toHaveLength(12);
    expect(body.trend[0].period).toBe('2024-06');
    expect(body.trend[10]).toMatchObject({ period: '2025-04', totalPct: 0, firstReported: null });
    expect(body.units.map((u: { unit: string }) => u.unit)).toEqual(['Drift', 'Servicedesk']);
    expect(body.units[1].month.totalPct).toBeCloseTo(25, 10);
    expect(body.definition).toContain('≤ 16 kalenderdager');
  });

  it('defaults to the configured period and rejects a bad one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workforce/sick-leave' })).json().period).toBe('2025-05');
    const bad = await t.app.inject({ method: 'GET', url: '/api/workforce/sick-leave?period=2025-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });

  it('documents the route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const get = doc.paths['/api/workforce/sick-leave'].get;
    expect(get.parameters).toEqual([expect.objectContaining({ in: 'query', name: 'period' })]);
    const ok = get.responses['200'].content['application/json'].schema;
    expect(Object.keys(ok.properties)).toEqual(expect.arrayContaining(['period', 'units', 'definition', 'indicator']));
    expect(get.responses['400'].description).toContain('docs/errors.md');
  });

  it('serves the KPIs through the shared registry', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/kpis?period=2025-05' })).json();
    const byId = Object.fromEntries(body.kpis.map((k: { id: string; value: number }) => [k.id, k.value]));
    expect(byId['workforce.sickLeave.total']).toBeCloseTo(27, 10);
    expect(byId['workforce.sickLeave.short']).toBeCloseTo(9, 10);
    expect(byId['workforce.sickLeave.long']).toBeCloseTo(18, 10);
    expect(byId['workforce.sickLeave.ytd']).toBeCloseTo(5.294, 3);
  });

  it('renders the page with the figures, the 12-month chart and the units', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sykefravaer?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('<h1>Sykefravær');
    expect(page).toContain('27,00\u00a0%');
    expect(page).toContain('5,29\u00a0%');
    expect(page).toContain('<svg');
    expect(page).toContain('Per enhet');
    expect(page).toContain('Servicedesk');
    expect(page).toContain('Først rapportert');
    expect(page).not.toContain('Anne');
  });

  it('shows an empty state for a month without employees', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sykefravaer?period=2019-05' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ingen data for mai 2019');
  });

  it('builds the report blocks as known at the compile time, without units or persons', async () => {
    const build = async (compiledAt: string) => {
      const out = [];
      for (const p of sickLeaveReportBlocks()) out.push(...(await p.build({ db: t.open.db, period: '2025-05', compiledAt })));
      return out;
    };
    const [kpis, split, trend, restatement] = (await build('2025-06-20T12:00:00Z')) as [KpiLinesBlock, TableBlock, FigureBlock, TableBlock];
    expect(kpis.items).toEqual([
      { label: 'Mai', text: '27,00\u00a0%', status: 'not-met' },
      { label: 'Totalt sykefravær hittil i år', text: '5,29\u00a0%', status: 'not-met' },
      { label: 'Indikator', text: '< 5\u00a0%', status: 'none' },
    ]);
    expect(split.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Korttidssykefravær (<= 16 dager)', '9,00\u00a0%'],
      ['Langtidssykefravær (> 16 dager)', '18,00\u00a0%'],
      ['Totalt', '27,00\u00a0%'],
    ]);
    expect(split.note).toContain('Først rapportert (status per 05.06.2025)');
    expect(split.provenance.importKinds).toEqual(['employees', 'absences']);
    expect(trend.svg).toContain('<svg');
    expect(trend.data.rows).toHaveLength(12);
    expect(trend.data.rows[11]).toEqual(['2025-05', 9, 18, 27, 27, 27]);
    expect(trend.note).toBe('Korrigert etter første rapportering: mai 2025 (korttid først 27,00\u00a0%, nå 9,00\u00a0%).');
    expect(restatement.id).toBe('sick-leave-restatement');
    expect(restatement.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Januar', ...Array(6).fill('0,00\u00a0%')],
      ['Februar', ...Array(6).fill('0,00\u00a0%')],
      ['Mars', ...Array(6).fill('0,00\u00a0%')],
      ['April', ...Array(6).fill('0,00\u00a0%')],
      ['Mai', '27,00\u00a0%', '9,00\u00a0%', '0,00\u00a0%', '18,00\u00a0%', '27,00\u00a0%', '27,00\u00a0%'],
    ]);
    expect(restatement.note).toContain('5 dager etter månedsslutt kl. 23.59');
    expect(JSON.stringify([kpis, split, trend.data, restatement])).not.toMatch(/Drift|Servicedesk|Anne|Lise/);

    // Compiled before the extension was registered: the case is still short-term.
    const early = await build('2025-06-03T12:00:00Z');
    expect(early.map((b) => b.id)).toEqual(['sick-leave-kpis', 'sick-leave-split', 'sick-leave-trend']);
    expect((early[1] as TableBlock).rows.map((r) => r.cells[1]?.text)).toEqual(['27,00\u00a0%', '0,00\u00a0%', '27,00\u00a0%']);
    expect((early[1] as TableBlock).note).toBeUndefined();
  });
});
