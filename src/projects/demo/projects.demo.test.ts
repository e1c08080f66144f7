import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase } from '../../../test/support/databases.ts';
import { domains } from '../../domains.ts';
import { runImport, sourceFromPath } from '../../imports/imports.ts';
import { findImporter } from '../../imports/registry.ts';
import { evaluateKpis } from '../../kpi/kpi.ts';
import type { DemoContext } from '../../module.ts';
import type { TableBlock } from '../../report/blocks.ts';
import type { Db } from '../../storage/db.ts';
import { projectKpis, projectReportBlocks, projectStatusSentences } from '../projects.section.ts';
import { defectStatus, milestoneLines, parseAsOf } from '../projects.views.ts';
import { findProject, projectRisks } from '../register/register.queries.ts';
import { runProjectsDemo } from './projects.demo.ts';
import { DEMO_ISSUES, type DemoIssue } from './projects.demo-jira.ts';

function demoContext(db: Db): DemoContext {
  return {
    db,
    dir: mkdtempSync(join(tmpdir(), 'projects-demo-')),
    period: '2025-05',
    importFile: (kind, path, options) =>
      runImport(db, findImporter(domains, kind), sourceFromPath(path), { importedBy: 'demo', ...options }),
    log: () => {},
  };
}

const block = async (id: string, sectionId: string, db: Db) => {
  const provider = projectReportBlocks.find((p) => p.id === id);
  return (await provider?.build({ db, period: '2025-05', compiledAt: '2025-06-05T08:00:00.000Z', sectionId })) ?? [];
};

describeEachDialect('projects demo', (ctx) => {
  beforeAll(async () => {
    await runProjectsDemo(demoContext(ctx.db));
  });

  it('gives Medielogg A 1, B 0, C 5 on the latest release as of 01.06.2025, from the imported Jira data', async () => {
    const s = await defectStatus(ctx.db, { project: 'medielogg', asOf: parseAsOf('01.06.2025'), release: '2.4' });
    expect(s.open).toEqual({ A: 1, B: 0, C: 5, unclassified: 0 });
    const all = await defectStatus(ctx.db, { project: 'medielogg', asOf: parseAsOf('01.06.2025') });
    expect(all.open).toEqual({ A: 1, B: 0, C: 6, unclassified: 0 });
    const later = await defectStatus(ctx.db, { project: 'medielogg', asOf: parseAsOf('2025-06-04'), release: '2.4' });
    expect(later.open.A).toBe(2);
  });

  it('moved CAT from 16.05.2025 to 18.09.2025 in May with PM4 and PM5 following', async () => {
    const lines = await milestoneLines(ctx.db, 'medielogg', '2025-05');
    const by = Object.fromEntries(lines.map((m) => [m.id, [m.baseline, m.planned, m.movedInPeriod]]));
    expect(by).toEqual({
      CAT: ['2025-05-16', '2025-09-18', true],
      PM4: ['2025-05-16', '2025-09-18', true],
      PILOT: ['2025-06-02', '2025-06-02', false],
      PM5: ['2025-06-13', '2025-10-16', true],
    });
    expect(await projectStatusSentences(ctx.db, (await findProject(ctx.db, 'medielogg'))!, '2025-05')).toEqual([
      'Akseptansetest (CAT-perioden) var opprinnelig planlagt til 16.05.2025, men er flyttet til 18.09.2025. Begrunnelse: I henhold til ny plan. PM4 og PM5 flyttes tilsvarende.',
      'Status for siste versjon (2.4) per 01.06.2025: A-feil 1, B-feil 0, C-feil 5.',
    ]);
  });

  it("tags KAK's four project risks in the risk register", async () => {
    const risks = await projectRisks(ctx.db, 'kak', '2025-05');
    expect(risks.map((r) => r.id)).toEqual(['KAK-R1', 'KAK-R2', 'KAK-R3', 'KAK-R4']);
    expect(risks[0]?.title).toContain('uke 44');
  });

  it('fills the report blocks of a project section and the KPIs', async () => {
    const defects = (await block('project-defects', 'projects.medielogg', ctx.db))[0] as TableBlock;
    expect(defects.caption).toBe('Åpne feil i Medielogg per 01.06.2025');
    expect(defects.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Siste versjon (2.4)', '1', '0', '5', '0', '6'],
      ['Alle versjoner', '1', '0', '6', '0', '7'],
    ]);
    const milestones = (await block('project-milestones', 'projects.medielogg', ctx.db))[0] as TableBlock;
    expect(milestones.rows[0]?.cells.map((c) => c.text)).toEqual([
      'CAT Akseptansetest (CAT-perioden)',
      'Akseptanse',
      '16.05.2025',
      '18.09.2025',
      '–',
      '125',
      '',
      'Flyttet: I henhold til ny plan',
    ]);
    expect((await block('project-risks', 'projects.kak', ctx.db)).length).toBe(1);
    expect(await block('project-defects', 'services.video', ctx.db)).toEqual([]);
    const kpis = await evaluateKpis(projectKpis, { db: ctx.db, period: '2025-05' });
    expect(kpis.map((k) => [k.id, k.value, k.status])).toEqual([
      ['projects.defects.A', 1, 'not-met'],
      ['projects.milestones.moved', 3, 'none'],
    ]);
  });
});

describe('projects demo with changed raw data', () => {
  it('counts A 0 when the A defect is resolved in the export, and B 1 when a C issue is reprioritised', async () => {
    const open = await freshDatabase('sqlite');
    const issues: DemoIssue[] = DEMO_ISSUES.map((i) =>
      i.key === 'ML-120'
        ? { ...i, resolvedInExport: '2025-05-31T10:00:00.000+0000' }
        : i.key === 'ML-111'
          ? { ...i, priority: 'Major' }
          : i,
    );
    await runProjectsDemo(demoContext(open.db), issues);
    const s = await defectStatus(open.db, { project: 'medielogg', asOf: parseAsOf('01.06.2025'), release: '2.4' });
    expect(s.open).toEqual({ A: 0, B: 1, C: 4, unclassified: 0 });
    await open.close();
  });
});
