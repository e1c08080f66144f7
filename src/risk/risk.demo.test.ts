import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../imports/imports.ts';
import { evaluateKpis } from '../kpi/kpi.ts';
import type { DemoContext } from '../module.ts';
import { demoAssessmentsTable, runRiskDemo } from './risk.demo.ts';
import { riskImporters } from './risk.import.ts';
import { addAssessment, registerForPeriod } from './risk.queries.ts';
import { riskKpis, riskReportBlocks, riskSection } from './risk.section.ts';

describeEachDialect('risk demo', (ctx) => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-demo-'));
    const demo: DemoContext = {
      db: ctx.db,
      dir,
      period: '2025-05',
      importFile: (kind, path, options) => runImport(ctx.db, riskImporters.find((i) => i.kind === kind)!, sourceFromPath(path), options),
      log: () => {},
    };
    await runRiskDemo(demo);
  });

  it('holds 10–20 risks with monthly assessments January–May 2025', async () => {
    const { entries } = await registerForPeriod(ctx.db, { period: '2025-05' });
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.length).toBeLessThanOrEqual(20);
    const periods = new Set(demoAssessmentsTable().rows.map((r) => r[1]));
    expect([...periods].sort()).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
  });

  it('has exactly OR-631 and OR-821 open at or above the threshold in May 2025, in that order', async () => {
    const section = await riskSection(ctx.db, '2025-05');
    expect(section.aboveThreshold.map((r) => r.id)).toEqual(['OR-631', 'OR-821']);
    expect(section.aboveThreshold[0]?.title).toMatch(
      /^Risiko for økte kostnader i 2026 hvis innføring av LifeX\/utfasing av ICCS på AMK-sentralene/,
    );
    expect(section.aboveThreshold[0]?.statusText).toMatch(/Per mai 2025 pågår fortsatt disse avklaringene\.$/);
    expect(section.aboveThreshold[1]?.statusText).toMatch(/^Før innføring gjennomføres godkjenning av kommunikasjonsløsningen LifeX\./);
    expect(section.openCount).toBeGreaterThan(section.aboveThreshold.length);
  });

  it('gives the KPIs and report blocks for May 2025', async () => {
    const kpis = await evaluateKpis(riskKpis, { db: ctx.db, period: '2025-05' });
    expect(kpis.map((k) => [k.id, k.value])).toEqual([
      ['risk.open', 14],
      ['risk.aboveThreshold', 2],
    ]);
    const blocks = await Promise.all(
      riskReportBlocks.map((b) => b.build({ db: ctx.db, period: '2025-05', compiledAt: '2025-06-05T10:00:00.000Z' })),
    );
    const [list, heatmap, above] = blocks.map((b) => b[0]);
    expect(list?.kind === 'html' && list.html.value).toContain('<h3>Foretakets åpne risikoer på nivå 8 eller høyere</h3>');
    const html = list?.kind === 'html' ? list.html.value : '';
    expect(html.indexOf('[OR-631]')).toBeLessThan(html.indexOf('[OR-821]'));
    expect(html).toContain('<p>Per mai 2025 pågår fortsatt disse avklaringene.</p>');
    expect(heatmap?.kind === 'figure' && heatmap.data.rows.reduce((n, r) => n + Number(r[4]), 0)).toBe(14);
    expect(above?.kind === 'figure' && above.caption).toBe('Åpne virksomhetsrisikoer på nivå 8 eller høyere (oransje og rødt nivå)');
    expect(above?.kind === 'figure' && above.data.rows.filter((r) => Number(r[4]) > 0).map((r) => r[5])).toEqual(['OR-821', 'OR-631']);
  });

  it('only counts what was recorded by the compile time', async () => {
    const early = await riskSection(ctx.db, '2025-05', '2025-05-01T00:00:00.000Z');
    expect(early.aboveThreshold.map((r) => [r.id, r.assessedPeriod])).toEqual([
      ['OR-631', '2025-04'],
      ['OR-821', '2025-04'],
    ]);
  });

  it('follows the raw data: lowering OR-821 in May removes it from the list', async () => {
    await addAssessment(
      ctx.db,
      {
        riskId: 'OR-821',
        period: '2025-05',
        probability: 2,
        consequence: 3,
        statusText: 'Godkjent.',
        assessedBy: 'Test',
        assessedAt: '2025-05-30',
        state: 'final',
      },
      { at: '2025-05-30T12:00:00.000Z', by: 'test', source: 'api' },
    );
    const section = await riskSection(ctx.db, '2025-05');
    expect(section.aboveThreshold.map((r) => r.id)).toEqual(['OR-631']);
    const kpis = await evaluateKpis(riskKpis, { db: ctx.db, period: '2025-05' });
    expect(kpis[1]?.value).toBe(1);
  });
});
