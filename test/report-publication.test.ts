/**
 * Publication on both dialects: the workflow, the stored files with their SHA-256, byte-identical
 * downloads after the underlying data changed, and a correction as a new numbered version.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reportModel } from '../src/report/build.ts';
import { saveNarrative } from '../src/report/narratives.ts';
import { reportHtml } from '../src/report/outputs.ts';
import { launchChromium } from '../src/report/pdf.ts';
import { listPublications, publicationFile, publicationFiles } from '../src/report/publication.queries.ts';
import { changeStatus, publishReport } from '../src/report/publication.ts';
import { verifyPublications } from '../src/report/publication-integrity.ts';
import { workflowEvents, workflowState } from '../src/report/workflow.queries.ts';
import { fakeData, fakeDomains, seedFakeReport } from './report-fake-domains.ts';
import { describeEachDialect } from './support/databases.ts';
import { describeWithChromium } from './support/layers.ts';

const PERIOD = '2025-05';
const config = { organisationName: 'Testforetaket', chromiumPath: '/usr/bin/chromium' };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describeWithChromium('report publication with PDF', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(config.chromiumPath);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describeEachDialect('report publication', (ctx) => {
    const data = fakeData();
    const deps = () => ({ config, db: ctx.db, domains: fakeDomains(data) });
    const who = (actor: string, at: string) => ({ actor, at, browser });
    const published: Record<string, Buffer> = {};

    beforeAll(async () => {
      await seedFakeReport(ctx.db);
    });

    it('refuses to publish a draft, and to edit texts outside a draft', async () => {
      await expect(publishReport(deps(), PERIOD, who('Kari', '2025-06-06T08:00:00.000Z'))).rejects.toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );
      await changeStatus(deps(), PERIOD, 'submit', { actor: 'Kari', at: '2025-06-06T08:00:00.000Z' });
      await expect(saveNarrative(ctx.db, { period: PERIOD, sectionId: 'risk', markdown: 'x', author: 'Ola' })).rejects.toThrow(
        /gjennomgang/,
      );
      await changeStatus(deps(), PERIOD, 'approve', { actor: 'Styreleder', at: '2025-06-07T08:00:00.000Z', comment: 'OK' });
      expect(await workflowState(ctx.db, PERIOD)).toMatchObject({ status: 'approved', version: 1 });
    });

    it('publishes: stores HTML, PDF, data files, provenance and the values shown, each with its SHA-256', async () => {
      const { state, publication } = await publishReport(deps(), PERIOD, who('Styreleder', '2025-06-10T08:00:00.000Z'));
      expect(state).toMatchObject({ status: 'published', version: 1 });
      expect(publication).toMatchObject({
        version: 1,
        publishedBy: 'Styreleder',
        compiledAt: '2025-06-10T08:00:00.000Z',
        supersededAt: null,
      });
      const files = await publicationFiles(ctx.db, PERIOD, 1);
      expect(files.map((f) => f.name)).toEqual(
        expect.arrayContaining([
          'report.html',
          'report.pdf',
          'data/finance-result.csv',
          'data/aml-trend.xlsx',
          'provenance.json',
          'values.json',
          'web.html',
        ]),
      );
      for (const f of files) {
        const stored = await publicationFile(ctx.db, PERIOD, 1, f.name);
        expect(sha(stored.bytes), f.name).toBe(f.sha256);
        expect(stored.bytes.length).toBe(f.size);
        published[f.name] = stored.bytes;
      }
      expect(publication.htmlSha256).toBe(sha(published['report.html']!));
      expect(publication.pdfSha256).toBe(sha(published['report.pdf']!));
      expect(published['report.pdf']!.subarray(0, 5).toString()).toBe('%PDF-');
      expect(published['report.html']!.toString()).toContain('PUBLISERT');
      const values = JSON.parse(published['values.json']!.toString());
      expect(values).toMatchObject({ period: PERIOD, status: 'published', version: 1 });
    });

    it('keeps the published files byte-identical after the underlying data changes', async () => {
      data.sickLeave[4] = 4.75;
      data.costs[0]!.actual += 2_000_000;
      const live = reportHtml(await reportModel(deps(), { period: PERIOD, compiledAt: '2025-07-01T08:00:00.000Z' }));
      expect(live).toContain('4,75\u00a0%');
      expect(published['report.html']!.toString()).toContain('1,20\u00a0%');
      for (const [name, bytes] of Object.entries(published)) {
        expect((await publicationFile(ctx.db, PERIOD, 1, name)).bytes.equals(bytes), name).toBe(true);
      }
      await expect(saveNarrative(ctx.db, { period: PERIOD, sectionId: 'risk', markdown: 'x', author: 'Ola' })).rejects.toThrow(
        /ny versjon/,
      );
    });

    it('supersedes a publication with a new numbered version, never editing the old one', async () => {
      await changeStatus(deps(), PERIOD, 'revise', { actor: 'Kari', at: '2025-07-01T08:00:00.000Z', comment: 'Korrigert sykefravær' });
      expect(await workflowState(ctx.db, PERIOD)).toMatchObject({ status: 'draft', version: 2 });
      await saveNarrative(ctx.db, {
        period: PERIOD,
        sectionId: 'risk',
        markdown: 'Korrigert tekst.',
        author: 'Kari',
        at: '2025-07-01T09:00:00.000Z',
      });
      await changeStatus(deps(), PERIOD, 'submit', { actor: 'Kari', at: '2025-07-02T08:00:00.000Z' });
      await changeStatus(deps(), PERIOD, 'approve', { actor: 'Styreleder', at: '2025-07-02T09:00:00.000Z' });
      const { publication } = await publishReport(deps(), PERIOD, who('Styreleder', '2025-07-03T08:00:00.000Z'));
      expect(publication.version).toBe(2);
      const all = await listPublications(ctx.db, PERIOD);
      expect(all.map((p) => [p.version, p.supersededAt])).toEqual([
        [2, null],
        [1, '2025-07-03T08:00:00.000Z'],
      ]);
      const v2 = (await publicationFile(ctx.db, PERIOD, 2, 'report.html')).bytes.toString();
      expect(v2).toContain('4,75\u00a0%');
      expect(v2).toContain('Publisert, versjon 2');
      expect((await publicationFile(ctx.db, PERIOD, 1, 'report.pdf')).bytes.equals(published['report.pdf']!)).toBe(true);
      const events = await workflowEvents(ctx.db, PERIOD);
      expect(events.map((e) => `${e.version}:${e.to}`)).toEqual([
        '1:in-review',
        '1:approved',
        '1:published',
        '2:draft',
        '2:in-review',
        '2:approved',
        '2:published',
      ]);
    });

    it('answers NOT_FOUND for a version or file that was never published', async () => {
      await expect(publicationFile(ctx.db, PERIOD, 3, 'report.pdf')).rejects.toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      await expect(publicationFile(ctx.db, PERIOD, 1, 'nope.txt')).rejects.toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    });

    it('chains the publications and verifies every stored file: a whole chain passes', async () => {
      const result = await verifyPublications(ctx.db);
      expect(result).toMatchObject({ publications: 2, problems: [] });
      expect(result.files).toBeGreaterThanOrEqual(14);
      const rows = await ctx.db
        .selectFrom('report_publications')
        .select(['version', 'previous_sha256', 'record_sha256'])
        .orderBy('id')
        .execute();
      expect(rows[0]?.previous_sha256).toBeNull();
      expect(rows[1]?.previous_sha256).toBe(rows[0]?.record_sha256);
      expect(result.head).toBe(rows[1]?.record_sha256);
    });

    it('refuses to serve a stored PDF with one byte changed in the database, and verify names it', async () => {
      const pub = await ctx.db.selectFrom('report_publications').select('id').where('version', '=', 1).executeTakeFirstOrThrow();
      const file = await ctx.db
        .selectFrom('report_publication_files')
        .select(['id', 'content'])
        .where('publication_id', '=', pub.id)
        .where('name', '=', 'report.pdf')
        .executeTakeFirstOrThrow();
      const original = Buffer.from(file.content);
      const changed = Buffer.from(original);
      changed[200] = (changed[200] ?? 0) ^ 1;
      await ctx.db.updateTable('report_publication_files').set({ content: changed }).where('id', '=', file.id).execute();
      await expect(publicationFile(ctx.db, PERIOD, 1, 'report.pdf')).rejects.toThrow(
        expect.objectContaining({
          code: 'INTEGRITY',
          message: expect.stringMatching(/^Integritetsfeil: report\.pdf i publisert versjon 1 for 2025-05 er endret/),
        }),
      );
      expect((await publicationFile(ctx.db, PERIOD, 1, 'report.html')).bytes.length).toBeGreaterThan(0);
      const result = await verifyPublications(ctx.db);
      expect(result.problems).toEqual([
        expect.stringMatching(/^report\.pdf i publisert versjon 1 for 2025-05 er endret etter publisering/),
      ]);
      await ctx.db.updateTable('report_publication_files').set({ content: original }).where('id', '=', file.id).execute();
      expect((await verifyPublications(ctx.db)).problems).toEqual([]);
    });

    it('detects a rewritten file hash, a rewritten record and a deleted version', async () => {
      const pub = await ctx.db
        .selectFrom('report_publications')
        .select(['id', 'published_by'])
        .where('version', '=', 1)
        .executeTakeFirstOrThrow();
      await ctx.db.updateTable('report_publications').set({ published_by: 'Mallory' }).where('id', '=', pub.id).execute();
      expect((await verifyPublications(ctx.db)).problems).toEqual([
        'Posten for publisert versjon 1 for 2025-05 er endret etter publisering',
      ]);
      await expect(publicationFile(ctx.db, PERIOD, 1, 'report.html')).rejects.toThrow(expect.objectContaining({ code: 'INTEGRITY' }));
      await ctx.db.updateTable('report_publications').set({ published_by: pub.published_by }).where('id', '=', pub.id).execute();
      await ctx.db.deleteFrom('report_publication_files').where('publication_id', '=', pub.id).execute();
      await ctx.db.deleteFrom('report_publications').where('id', '=', pub.id).execute();
      expect((await verifyPublications(ctx.db)).problems).toEqual([
        'Kjeden er brutt før publisert versjon 2 for 2025-05: forrige publisering mangler eller er endret',
      ]);
      expect((await verifyPublications(ctx.db, { period: '2025-04' })).problems).toHaveLength(1);
    });
  });
});
