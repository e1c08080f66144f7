import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/server-support.ts';
import { bearerHeaders } from '../../../test/support/auth.ts';
import { domains } from '../../domains.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import type { FigureBlock, KpiLinesBlock, ReportBlock, TableBlock } from '../../report/blocks.ts';
import type { Db } from '../../storage/db.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { dispensationsImporter, timeRecordsImporter } from '../time-records/time-records.import.ts';
import { workforceAml } from './aml.module.ts';

/**
 * Two employees in May 2025: A (Anne Hansen) has a quick return on 6 May (on time) and an overlong
 * Friday 16 May whose overtime was approved on 20 June (after the 5 June cut-off); B (Bjørn Berg)
 * has a rest dispensation, so his 9 h quick return is no breach; C is exempt.
 */
async function seed(db: Db): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aml-module-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return sourceFromPath(join(dir, name));
  };
  await importOrThrow(
    db,
    employeesImporter,
    file(
      'employees.csv',
      'employee_id;name;position_fraction;valid_from;valid_to;exempt;unit\nA;Anne Hansen;1;2020-01-01;;0;Drift\nB;Bjørn Berg;1;2020-01-01;;0;Servicedesk\nC;Cecilie Dahl;1;2020-01-01;;1;Ledelse\n',
    ),
  );
  await importOrThrow(db, dispensationsImporter, file('disp.csv', 'employee_id;type;valid_from;valid_to\nB;rest;2025-01-01;\n'));
  await importOrThrow(
    db,
    timeRecordsImporter,
    file(
      'timer.csv',
      'employee_id;start;end;kind;cause;registered_at\n' +
        'A;2025-05-05T08:00;2025-05-05T16:00;ordinary;;2025-05-06T09:00\n' +
        'A;2025-05-05T20:00;2025-05-05T23:30;overtime;patching;2025-05-07T09:00\n' +
        'A;2025-05-06T07:00;2025-05-06T15:00;ordinary;;2025-05-07T09:00\n' +
        'A;2025-05-16T08:00;2025-05-16T16:00;ordinary;;2025-05-17T09:00\n' +
        'A;2025-05-16T16:00;2025-05-16T22:30;overtime;project:KAK;2025-06-20T09:00\n' +
        'B;2025-05-12T14:00;2025-05-12T22:00;ordinary;;2025-05-13T09:00\n' +
        'B;2025-05-13T07:00;2025-05-13T15:00;ordinary;;2025-05-14T09:00\n' +
        'C;2025-05-12T07:00;2025-05-12T23:00;ordinary;;2025-05-13T09:00\n',
    ),
  );
}

describe('the workforceAml module', () => {
  it('is registered with its page, importers, KPIs, command, report blocks and demo', () => {
    expect(domains).toContain(workforceAml);
    expect(workforceAml.nav).toEqual([{ path: '/arbeidstid', label: 'Arbeidstid (AML)', order: 30 }]);
    expect(workforceAml.importers?.map((i) => i.kind)).toEqual(['employees', 'time-records', 'dispensations']);
    expect(workforceAml.kpis?.map((k) => k.id)).toEqual([
      'workforce.aml.month',
      'workforce.aml.ytd',
      'workforce.aml.month.rest24',
      'workforce.aml.month.rest7d',
      'workforce.aml.month.hoursDay',
      'workforce.aml.month.hours7d',
      'workforce.aml.month.overtime7d',
      'workforce.aml.month.overtime4w',
      'workforce.aml.month.overtime52w',
      'workforce.aml.month.sundays',
    ]);
    expect(workforceAml.kpis?.[0]?.target).toEqual({ op: '<', value: 8 });
    expect(workforceAml.commands?.map((c) => c.name)).toEqual(['workforce check']);
    expect(workforceAml.report?.map((r) => r.id)).toEqual(['aml-kpis', 'aml-by-rule', 'aml-by-cause', 'aml-restatement', 'aml-trend']);
    expect(workforceAml.demo?.order).toBe(10);
  });
});

describe('AML API, page and report blocks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([workforceAml]);
    await seed(t.open.db);
  });
  afterAll(async () => t?.close());

  it('GET /api/workforce/aml gives the section model: counts by rule and cause, YTD and before/after', async () => {
    const res = await t.app.inject({ url: '/api/workforce/aml?period=2025-05&knownAt=2025-07-01T00:00:00Z' });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.month.count).toBe(2);
    expect(s.indicator.monthStatus).toBe('met');
    expect(s.month.byRule.filter((r: { count: number }) => r.count > 0).map((r: { rule: string }) => r.rule)).toEqual([
      'rest24',
      'hoursDay',
    ]);
    expect(s.month.byCause.map((c: { label: string; count: number }) => [c.label, c.count])).toEqual([
      ['Intern patching', 1],
      ['KAK/LifeX', 1],
    ]);
    expect(s.ytd.count).toBe(2);
    expect(s.restatement.at(-1)).toMatchObject({ month: '2025-05', firstReported: 1, corrected: 2, added: 1, removed: 0 });
    expect(s.trend).toHaveLength(12);
  });

  it('rejects a bad period with 400', async () => {
    expect((await t.app.inject({ url: '/api/workforce/aml?period=2025-13' })).statusCode).toBe(400);
  });

  it('GET /api/workforce/aml/breaches lists breaches per employee with the records behind them', async () => {
    const res = await t.app.inject({ url: '/api/workforce/aml/breaches?period=2025-05&knownAt=2025-06-05T23:59:00%2B02:00' });
    const body = res.json();
    expect(body.breaches.map((b: { employeeId: string; rule: string; date: string }) => `${b.employeeId} ${b.rule} ${b.date}`)).toEqual([
      'A rest24 2025-05-06',
    ]);
    expect(body.breaches[0].records.map((r: { kind: string }) => r.kind)).toEqual(['overtime', 'ordinary']);
    expect(body.breaches[0].causeLabel).toBe('Intern patching');
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/workforce/aml', '/api/workforce/aml/breaches']));
  });

  it('renders /arbeidstid with counts, breakdowns, before/after, chart and the breach list', async () => {
    const res = await t.app.inject({ url: '/arbeidstid?period=2025-05' });
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('Arbeidstid (AML)');
    expect(page).toContain('Daglig hvile');
    expect(page).toContain('Før korrigering');
    expect(page).toContain('<svg');
    expect(page).toMatch(/<td>A<\/td><td>Arbeidstid per døgn<\/td><td>16\.05\.2025<\/td>/);
    expect(page).toContain('Overtid (KAK/LifeX)');
    expect(page).not.toContain('<td>C</td>');
  });

  it('shows the breach list per employee only to HR: readers see the counts and a note, and get 403 on /arbeidstid/brudd', async () => {
    const reader = await bearerHeaders(t.open.db, ['reader']);
    const page = (await t.anonymous.inject({ url: '/arbeidstid?period=2025-05', headers: reader })).body;
    expect(page).toContain('Daglig hvile');
    expect(page).toContain('Bruddlisten per ansatt vises bare for brukere med HR-rollen.');
    expect(page).not.toMatch(/<td>A<\/td><td>Arbeidstid per døgn/);
    expect((await t.anonymous.inject({ url: '/arbeidstid/brudd?period=2025-05', headers: reader })).statusCode).toBe(403);
    const hr = await t.anonymous.inject({ url: '/arbeidstid/brudd?period=2025-05', headers: await bearerHeaders(t.open.db, ['hr']) });
    expect(hr.body).toMatch(/<td>A<\/td><td>Arbeidstid per døgn<\/td><td>16\.05\.2025<\/td>/);
  });

  it('builds report blocks with counts only: no employee id or name anywhere', async () => {
    const blocks: ReportBlock[] = [];
    for (const p of workforceAml.report!)
      blocks.push(...(await p.build({ db: t.open.db, period: '2025-05', compiledAt: '2025-07-01T00:00:00Z' })));
    expect(blocks.map((b) => b.id)).toEqual(['aml-kpis', 'aml-by-rule', 'aml-by-cause', 'aml-restatement', 'aml-trend']);
    const kpis = blocks[0] as KpiLinesBlock;
    expect(kpis.items.map((i) => `${i.label}: ${i.text}`)).toEqual([
      'Mai: 2\u00a0stk.',
      'Totalt antall AML-brudd hittil i år: 2\u00a0stk.',
      'Indikator: < 8\u00a0stk. pr. mnd.',
    ]);
    const byRule = blocks[1] as TableBlock;
    expect(byRule.rows.map((r) => r.cells.map((c) => c.text).join(' | '))).toEqual([
      'Daglig hvile | 11\u00a0t eller 8\u00a0t v/disp. | 1 | 50\u00a0%',
      'Ukentlig hvile | 35\u00a0t eller 28\u00a0t v/disp. | – | –',
      'Arbeidstid per døgn | 13\u00a0t eller 16\u00a0t v/disp. | 1 | 50\u00a0%',
      'Arbeidstid per uke | 48\u00a0t eller 69\u00a0t v/disp. | – | –',
      'Overtid per uke | 10\u00a0t eller 20\u00a0t v/disp. | – | –',
      'Overtid per 4 uker | 25\u00a0t eller 50\u00a0t v/disp. | – | –',
      'Overtid per 52 uker | 200\u00a0t eller 300\u00a0t v/disp. | – | –',
      'Søndagsarbeid | annenhver søndag fri eller høyst 3 på rad v/disp. | – | –',
      'Totalt |  | 2 | 100\u00a0%',
    ]);
    const restatement = blocks[3] as TableBlock;
    expect(restatement.rows.at(-1)!.cells.map((c) => c.text)).toEqual(['Mai', '1', '2', '+1']);
    expect((blocks[4] as FigureBlock).data.rows).toHaveLength(12);
    const text = JSON.stringify(blocks);
    for (const secret of ['Anne', 'Bjørn', 'Hansen', '"A"', 'A|', '"B"']) expect(text).not.toContain(secret);
  });

  it('gives no blocks and null KPIs for a month without time records', async () => {
    const blocks = await workforceAml.report![0]!.build({ db: t.open.db, period: '2023-05', compiledAt: '2025-07-01T00:00:00Z' });
    expect(blocks).toEqual([]);
    expect(await workforceAml.kpis![0]!.compute({ db: t.open.db, period: '2023-05' })).toBeNull();
  });
});
