/**
 * Assembling the report from (fake) domain blocks on both dialects: numbering, cross-references,
 * live values, omitted blocks, narrative history and inheritance, provenance.
 */
import { beforeAll, expect, it } from 'vitest';
import { reportModel } from '../src/report/build.ts';
import { allSections } from '../src/report/model.ts';
import { currentNarratives, narrativeHistory } from '../src/report/narratives.queries.ts';
import { saveNarrative } from '../src/report/narratives.ts';
import { changeStatus } from '../src/report/publication.ts';
import { reportDocument } from '../src/report/render-document.ts';
import { storeTemplate } from '../src/report/template.queries.ts';
import type { ReportTemplate } from '../src/report/template.ts';
import { AppError } from '../src/shared/errors.ts';
import { fakeData, fakeDomains, seedFakeReport } from './report-fake-domains.ts';
import { describeEachDialect } from './support/databases.ts';

const PERIOD = '2025-05';
const COMPILED_AT = '2025-06-05T08:00:00.000Z';
const config = { organisationName: 'Testforetaket', chromiumPath: '/usr/bin/chromium' };

async function expectBuildError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('REPORT_BUILD');
    return err as AppError;
  }
  throw new Error('expected the build to fail');
}

describeEachDialect('report assembly', (ctx) => {
  const domains = fakeDomains(fakeData());
  const deps = () => ({ config, db: ctx.db, domains });

  beforeAll(async () => {
    await seedFakeReport(ctx.db);
  });

  it('numbers figures and tables separately, uniquely and consecutively in document order', async () => {
    const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
    const placed = allSections(m.sections).flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'figure' || b.kind === 'table' ? [b.label] : [])),
    );
    expect(placed).toEqual(['Figur 1', 'Tabell 1', 'Tabell 2', 'Figur 2', 'Tabell 3', 'Figur 3']);
    expect(m.figures.map((f) => f.number)).toEqual([1, 2, 3]);
    expect(m.tables.map((t) => t.number)).toEqual([1, 2, 3]);
    expect(m.figures.map((f) => f.block.id)).toEqual(['risk-heatmap', 'sick-leave-trend', 'aml-trend']);
  });

  it('numbers the sections that have content and leaves empty ones out', async () => {
    const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
    expect(allSections(m.sections).map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Ledelsens gjennomgang virksomhetsrisiko',
      '2 Økonomi',
      '2.1 Resultat',
      '2.2 Prognose',
      '3 Organisatoriske forhold',
      '3.1 Sykefravær',
      '3.2 Brudd på arbeidsmiljøloven (AML-brudd)',
    ]);
  });

  it('places the narrative where the template puts the "narrative" entry among the blocks', async () => {
    const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
    const sick = allSections(m.sections).find((s) => s.id === 'organisation.sick-leave');
    expect(sick?.blocks.map((b) => b.block.id)).toEqual(['sick-leave-kpis', 'sick-leave-trend']);
    expect(sick?.narrativeAt).toBe(1); // after the KPI lines, before the figure
    const result = allSections(m.sections).find((s) => s.id === 'finance.result');
    expect(result?.narrativeAt).toBe(0); // default: before the blocks
  });

  it('lists template blocks no domain provides, and blocks without data, as warnings', async () => {
    const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
    expect(m.warnings).toContain(
      'Blokken «aml-by-rule» i seksjon «Brudd på arbeidsmiljøloven (AML-brudd)» leveres ikke av noen modul og er utelatt.',
    );
    expect(m.warnings).toContain('Blokken «finance-receivables» i seksjon «Kundefordringer» har ingen data for perioden.');
  });

  it('renders cross-references and live values from the numbering and the KPIs', async () => {
    const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
    const aml = allSections(m.sections).find((s) => s.id === 'organisation.aml');
    expect(aml?.narrative?.html.value).toBe(
      '<p>Det ble registrert 5\u00a0stk. brudd i perioden. <a class="xref" href="#tab-aml-restatement" title="Tabell 3">Tabell 3</a> viser tallene før og etter korrigering, og <a class="xref" href="#fig-aml-trend" title="Figur 3">Figur 3</a> utviklingen.</p>',
    );
    const result = allSections(m.sections).find((s) => s.id === 'finance.result');
    expect(result?.narrative?.html.value).toContain('0,7\u00a0MNOK under budsjett');
  });

  it('fails the build on a broken cross-reference, naming the section and the reference', async () => {
    const narratives = await currentNarratives(ctx.db, PERIOD);
    narratives.set('finance.forecast', { ...narratives.get('finance.forecast')!, markdown: 'Se [@fig:servicedesk-volume] for samtalene.' });
    const err = await expectBuildError(reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT, narratives }));
    expect(err.message).toBe(
      'Seksjon «2.2 Prognose» (finance.forecast): kryssreferansen [@fig:servicedesk-volume] peker ikke på noen figur i rapporten',
    );
    expect(err.problems[0]).toMatchObject({ file: 'tekst:finance.forecast', line: 1 });
    expect(err.details).toMatchObject({ section: 'finance.forecast' });
  });

  it('fails the build on an unknown live value and on one without data', async () => {
    const narratives = await currentNarratives(ctx.db, PERIOD);
    narratives.set('risk', {
      ...narratives.get('risk')!,
      markdown: 'Resultat {{ kpi.finance.result.month }}.\n\nOg {{ kpi.finance.noData }}.',
    });
    const err = await expectBuildError(reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT, narratives }));
    expect(err.message).toBe(
      'Seksjon «1 Ledelsens gjennomgang virksomhetsrisiko» (risk): nøkkeltallet kpi.finance.result.month i {{ kpi.finance.result.month }} finnes ikke (og 1 til)',
    );
    expect(err.problems.map((p) => p.line)).toEqual([1, 3]);
    expect(err.problems[1]?.message).toContain('kpi.finance.noData i {{ kpi.finance.noData }} kan ikke beregnes');
  });

  it('fails when two blocks share an id', async () => {
    const template: ReportTemplate = { title: 'R', sections: [{ id: 'a', title: 'A', blocks: ['aml-trend', 'aml-trend'] }] };
    await storeTemplate(ctx.db, template, 'test', '2025-06-01T00:00:00.000Z');
    try {
      const err = await expectBuildError(reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT }));
      expect(err.message).toMatch(/Figur 2 og Figur 1 har samme id «aml-trend»/);
    } finally {
      await ctx.db.deleteFrom('report_templates').execute();
    }
  });

  it("uses the organisation's stored template over the default", async () => {
    const template: ReportTemplate = { title: 'Styrerapport', sections: [{ id: 'aml', title: 'Arbeidstid', blocks: ['aml-trend'] }] };
    await storeTemplate(ctx.db, template, 'test', '2025-06-01T00:00:00.000Z');
    try {
      const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
      expect(m.title).toBe('Styrerapport per mai 2025');
      expect(allSections(m.sections).map((s) => s.title)).toEqual(['Arbeidstid']);
    } finally {
      await ctx.db.deleteFrom('report_templates').execute();
    }
  });

  it('takes the footer line and the logo from the template (a build may override the line), and dates the cover from the workflow', async () => {
    const logo = `data:image/png;base64,${Buffer.from('logo').toString('base64')}`;
    const template: ReportTemplate = {
      title: 'Styrerapport',
      headerLine: 'Vedlegg 1 sak 20-2025',
      logo,
      sections: [{ id: 'aml', title: 'Arbeidstid', blocks: ['aml-trend'] }],
    };
    await storeTemplate(ctx.db, template, 'test', '2025-06-01T00:00:00.000Z');
    try {
      const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
      expect([m.headerLine, m.logo]).toEqual(['Vedlegg 1 sak 20-2025', logo]);
      expect(m.dated).toEqual({ at: COMPILED_AT, label: 'Sammenstilt' });
      const pdfHtml = reportDocument(m, { mode: 'pdf' });
      expect(pdfHtml).toContain('@bottom-left { content: "Vedlegg 1 sak 20-2025";');
      expect(pdfHtml).toContain(`<img class="sr-cover-logo" src="${logo}" alt="Logo: Testforetaket">`);
      const other = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT, headerLine: 'Vedlegg 2 sak 21-2025' });
      expect(other.headerLine).toBe('Vedlegg 2 sak 21-2025');
      // Approved: the cover shows the approval date, not the build clock.
      await changeStatus(deps(), PERIOD, 'submit', { actor: 'Kari', at: '2025-06-06T08:00:00.000Z' });
      const submitted = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
      expect(submitted.dated).toEqual({ at: '2025-06-06T08:00:00.000Z', label: 'Sendt til godkjenning' });
      await changeStatus(deps(), PERIOD, 'approve', { actor: 'Styreleder', at: '2025-06-07T09:30:00.000Z' });
      const approved = await reportModel(deps(), { period: PERIOD, compiledAt: '2025-06-20T08:00:00.000Z' });
      expect(approved.dated).toEqual({ at: '2025-06-07T09:30:00.000Z', label: 'Godkjent' });
      expect(reportDocument(approved, { mode: 'html' })).toContain('<dt>Godkjent</dt><dd>07.06.2025</dd>');
    } finally {
      await ctx.db.deleteFrom('report_templates').execute();
      await ctx.db.deleteFrom('report_events').execute();
      await ctx.db.deleteFrom('report_workflow').execute();
    }
  });

  it('resolves each table and figure to the imports it read (file, SHA-256, time) and its rules', async () => {
    const m = await reportModel(deps(), { period: PERIOD, compiledAt: COMPILED_AT });
    const result = m.tables.find((t) => t.block.id === 'finance-result');
    expect(result?.imports.map((i) => [i.kind, i.fileName, i.importedAt])).toEqual([
      ['saf-t', 'saf-t-2025-05.csv', '2025-06-02T06:00:00.000Z'],
      ['budget', 'budget-2025-05.csv', '2025-06-02T06:00:00.000Z'],
    ]);
    expect(result?.imports[0]?.sha256).toHaveLength(64);
    const before = await reportModel(deps(), { period: PERIOD, compiledAt: '2025-06-01T00:00:00.000Z' });
    expect(before.tables.find((t) => t.block.id === 'finance-result')?.imports).toEqual([]);
  });
});

describeEachDialect('narratives', (ctx) => {
  it('keeps every saved version with who and when; the newest is current', async () => {
    await saveNarrative(ctx.db, {
      period: '2025-04',
      sectionId: 'risk',
      markdown: 'april v1',
      author: 'Kari',
      at: '2025-05-02T08:00:00.000Z',
    });
    await saveNarrative(ctx.db, {
      period: '2025-04',
      sectionId: 'risk',
      markdown: 'april v2\r\n',
      author: 'Ola',
      at: '2025-05-03T08:00:00.000Z',
    });
    const history = await narrativeHistory(ctx.db, '2025-04', 'risk');
    expect(history.map((h) => [h.markdown, h.author, h.createdAt])).toEqual([
      ['april v2\n', 'Ola', '2025-05-03T08:00:00.000Z'],
      ['april v1', 'Kari', '2025-05-02T08:00:00.000Z'],
    ]);
  });

  it("starts a new period from the previous period's text, marked as inherited", async () => {
    const may = await currentNarratives(ctx.db, '2025-05');
    expect(may.get('risk')).toMatchObject({ markdown: 'april v2\n', period: '2025-04', inherited: true });
    await saveNarrative(ctx.db, { period: '2025-05', sectionId: 'risk', markdown: 'mai', author: 'Kari', at: '2025-06-02T08:00:00.000Z' });
    expect((await currentNarratives(ctx.db, '2025-05')).get('risk')).toMatchObject({ markdown: 'mai', inherited: false });
    expect((await currentNarratives(ctx.db, '2025-04')).get('risk')?.markdown).toBe('april v2\n');
  });

  it('refuses unknown sections and sections without a narrative slot', async () => {
    await expect(saveNarrative(ctx.db, { period: '2025-05', sectionId: 'nope', markdown: 'x', author: 'K' })).rejects.toThrow(
      /ingen seksjon «nope»/,
    );
    await expect(saveNarrative(ctx.db, { period: '2025-05', sectionId: 'finance', markdown: 'x', author: 'K' })).rejects.toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
