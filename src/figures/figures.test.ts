import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/server-support.ts';
import { describeEachDialect } from '../../test/support/databases.ts';
import { importOrThrow, runImport, sourceFromPath } from '../imports/imports.ts';
import { evaluateRegistry } from '../kpi/registry.ts';
import { reportModel } from '../report/build.ts';
import { reportDocument } from '../report/render-document.ts';
import { storeTemplate } from '../report/template.queries.ts';
import { figuresImporter } from './figures.import.ts';
import { figureKpis } from './figures.kpis.ts';
import { registeredFigures } from './figures.module.ts';
import { figureChanges, saveFigureDefinition, saveFigureValue } from './figures.queries.ts';
import { changeKnownAt, parseFigureValue, registeredText } from './figures.ts';

const dir = mkdtempSync(join(tmpdir(), 'figures-'));
let n = 0;
function file(text: string): string {
  const path = join(dir, `f-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

describe('registered figure values', () => {
  it('reads Norwegian and English decimals and refuses percent signs', () => {
    expect(parseFigureValue('75')).toBe(75);
    expect(parseFigureValue('75,5')).toBe(75.5);
    expect(parseFigureValue('1 234.25')).toBe(1234.25);
    expect(parseFigureValue('75 %')).toBeUndefined();
    expect(parseFigureValue('')).toBeUndefined();
  });
});

describeEachDialect('registered figures', (ctx) => {
  it('imports a figure with its definition and gives it as KPI figure.<id> with who registered it', async () => {
    const result = await importOrThrow(
      ctx.db,
      figuresImporter,
      sourceFromPath(
        file('figure;period;value;source;label;unit;decimals\nsurvey.responseRate;2025-05;75;Questback-rapport;Svarprosent;percent;0\n'),
      ),
      { now: '2025-06-04T08:30:00.000Z', importedBy: 'Kari HR' },
    );
    expect(result.rowCount).toBe(1);
    const [kpi] = await figureKpis(ctx.db);
    expect(kpi).toMatchObject({ id: 'figure.survey.responseRate', label: 'Svarprosent', unit: 'percent', decimals: 0 });
    expect(await kpi!.compute({ db: ctx.db, period: '2025-05' })).toBe(75);
    expect(await kpi!.compute({ db: ctx.db, period: '2025-04' })).toBeNull();
    expect(await kpi!.source!({ db: ctx.db, period: '2025-05' })).toBe(
      'registrert manuelt av Kari HR 04.06.2025 (kilde: Questback-rapport)',
    );
  });

  it('keeps both changes in the audit when a figure is edited twice, and gives the value as known at any instant', async () => {
    await saveFigureValue(
      ctx.db,
      { figureId: 'survey.responseRate', period: '2025-05', value: 76, source: 'Korrigert rapport' },
      { at: '2025-06-06T10:00:00.000Z', by: 'Ola', importRunId: null },
    );
    await saveFigureValue(
      ctx.db,
      { figureId: 'survey.responseRate', period: '2025-05', value: 74.5, source: 'Endelig rapport' },
      { at: '2025-06-08T10:00:00.000Z', by: 'Kari HR', importRunId: null },
    );
    // The same value and source again is no change.
    expect(
      await saveFigureValue(
        ctx.db,
        { figureId: 'survey.responseRate', period: '2025-05', value: 74.5, source: 'Endelig rapport' },
        { at: '2025-06-09T10:00:00.000Z', by: 'Per', importRunId: null },
      ),
    ).toBe(false);
    const changes = await figureChanges(ctx.db, 'survey.responseRate', '2025-05');
    expect(changes.map((c) => [c.changedBy, c.changedAt, c.valueBefore, c.valueAfter, c.sourceBefore, c.sourceAfter])).toEqual([
      ['Kari HR', '2025-06-04T08:30:00.000Z', null, 75, null, 'Questback-rapport'],
      ['Ola', '2025-06-06T10:00:00.000Z', 75, 76, 'Questback-rapport', 'Korrigert rapport'],
      ['Kari HR', '2025-06-08T10:00:00.000Z', 76, 74.5, 'Korrigert rapport', 'Endelig rapport'],
    ]);
    const [kpi] = await figureKpis(ctx.db);
    const at = (knownAt: string) => kpi!.compute({ db: ctx.db, period: '2025-05', knownAt });
    expect(await at('2025-06-01T00:00:00.000Z')).toBeNull();
    expect(await at('2025-06-05T00:00:00.000Z')).toBe(75);
    expect(await at('2025-06-07T00:00:00.000Z')).toBe(76);
    expect(await kpi!.compute({ db: ctx.db, period: '2025-05' })).toBe(74.5);
    expect(registeredText(changeKnownAt(changes, '2025-06-07T00:00:00.000Z')!)).toBe(
      'registrert manuelt av Ola 06.06.2025 (kilde: Korrigert rapport)',
    );
  });

  it('rejects a file whole, naming line and field, and an undefined figure', async () => {
    const result = await runImport(
      ctx.db,
      figuresImporter,
      sourceFromPath(
        file(
          'figure;period;value;source\n' +
            'survey.responseRate;2025-06;80;ok\n' +
            'survey.responseRate;2025-6;80;x\n' +
            'survey.responseRate;2025-07;80 %;x\n' +
            'survey.responseRate;2025-08;80;\n' +
            'nps;2025-05;42;x\n' +
            'survey.responseRate;2025-06;81;igjen\n',
        ),
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'period'],
      [4, 'value'],
      [5, 'source'],
      [6, 'figure'],
      [7, 'period'],
    ]);
    expect(result.problems[3]!.message).toContain('«nps» er ikke definert');
    const [kpi] = await figureKpis(ctx.db);
    expect(await kpi!.compute({ db: ctx.db, period: '2025-06' })).toBeNull();
  });

  it('appears in the KPI registry', async () => {
    const evaluated = await evaluateRegistry([registeredFigures], { db: ctx.db, period: '2025-05' });
    expect(evaluated.map((e) => [e.value.id, e.value.value])).toEqual([['figure.survey.responseRate', 74.5]]);
  });
});

describe('registered figures in the web app and the report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([registeredFigures]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers a figure through the form, audits who, and refuses a bad one with field errors', async () => {
    const payload = {
      figure: 'csat',
      label: 'Kundetilfredshet',
      unit: 'number',
      decimals: '1',
      period: '2025-05',
      value: '4,3',
      source: 'Kundeundersøkelse',
      by: 'Kari',
    };
    const ok = await t.app.inject({ method: 'POST', url: '/tall?period=2025-05', payload });
    expect(ok.statusCode).toBe(303);
    await t.app.inject({ method: 'POST', url: '/tall?period=2025-05', payload: { ...payload, value: '4,4', by: 'Ola' } });
    const page = await t.app.inject({ method: 'GET', url: '/tall?period=2025-05' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="row"><code>csat</code></th><td>Kundetilfredshet</td><td class="num">4,4</td>');
    expect(page.body).toContain('<caption>Endringslogg for perioden</caption>');
    expect((await figureChanges(t.open.db, 'csat')).map((c) => [c.changedBy, c.valueBefore, c.valueAfter])).toEqual([
      ['Kari', null, 4.3],
      ['Ola', 4.3, 4.4],
    ]);
    const api = await t.app.inject({ method: 'GET', url: '/api/kpis?period=2025-05' });
    expect(api.statusCode).toBe(200);
    expect(api.json().kpis).toContainEqual(expect.objectContaining({ id: 'figure.csat', value: 4.4, unit: 'number' }));
    const bad = await t.app.inject({
      method: 'POST',
      url: '/tall?period=2025-05',
      payload: { ...payload, figure: '9x', value: '4,4 av 6', by: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('id="tall-figure" name="figure" required aria-invalid="true"');
    expect(bad.body).toContain('«4,4 av 6» er ikke et tall');
  });

  it('is a live value in the narrative and listed in the provenance appendix as registered by whom and when', async () => {
    await saveFigureDefinition(t.open.db, { id: 'survey.responseRate', label: 'Svarprosent', unit: 'percent', decimals: 0 });
    await saveFigureValue(
      t.open.db,
      { figureId: 'survey.responseRate', period: '2025-05', value: 75, source: 'Questback' },
      { at: '2025-06-04T08:30:00.000Z', by: 'Kari HR', importRunId: null },
    );
    await storeTemplate(
      t.open.db,
      { title: 'Rapport', sections: [{ id: 'organisation', title: 'Organisasjon' }] },
      'test',
      '2025-06-01T00:00:00.000Z',
    );
    const narratives = new Map([
      [
        'organisation',
        {
          sectionId: 'organisation',
          markdown: 'Svarprosenten var {{ kpi.figure.survey.responseRate }}.',
          author: 'test',
          createdAt: '2025-06-09T00:00:00.000Z',
          period: '2025-05',
          inherited: false,
        },
      ],
    ]);
    const model = await reportModel(
      { config: { organisationName: 'Test', chromiumPath: '' }, db: t.open.db, domains: [registeredFigures] },
      { period: '2025-05', compiledAt: '2025-06-10T08:00:00.000Z', narratives },
    );
    const doc = reportDocument(model, { mode: 'pdf' });
    expect(doc).toContain('Svarprosenten var 75\u00a0%.');
    expect(doc).toContain('<li>Svarprosent: 75\u00a0% (seksjon');
    expect(doc).toContain('registrert manuelt av Kari HR 04.06.2025 (kilde: Questback)');
  });
});
