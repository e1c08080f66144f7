/**
 * Shutdown drill, on both dialects: SIGTERM to the server while it publishes a report (Chromium
 * printing the PDF). Chromium is launched without its own signal handlers (src/report/pdf.ts), so
 * the graceful shutdown lets the publication finish: the request answers 200, the process exits 0,
 * and the stored publication is whole (every file matches its hash, the chain is intact).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { verifyPublications } from '../src/report/publication-integrity.ts';
import { workflowState } from '../src/report/workflow.queries.ts';
import { openDatabase } from '../src/storage/db.ts';
import { bearerHeaders } from './support/auth.ts';
import { describeEachDialect, freshDatabase, type TestDatabase } from './support/databases.ts';
import { describeWithChromium } from './support/layers.ts';
import { serve } from './support/serve-process.ts';

const root = mkdtempSync(join(tmpdir(), 'styrerom-sigterm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const RISKS = `id;title;description;owner;category;scope;opened;closed
OR-1;Strømbrudd i driftssenteret;;Driftssjef;operations;enterprise;2025-01-05;
`;

describeWithChromium('SIGTERM during publication', () => {
  describeEachDialect('then start again', (ctx) => {
    it('lets the publication finish: 200, exit 0, every stored file whole', async () => {
      const dataDir = join(root, ctx.dialect);
      mkdirSync(dataDir, { recursive: true });
      let db: TestDatabase | undefined;
      let url = `sqlite:${join(dataDir, 'publish.db')}`;
      if (ctx.dialect === 'postgres') {
        db = await freshDatabase('postgres');
        url = db.url;
      }
      const server = serve(dataDir, url);
      const base = await server.url;
      const probe = db ?? { ...openDatabase(url), url };
      try {
        const headers = await bearerHeaders(probe.db);
        const risks = join(dataDir, 'risks.csv');
        writeFileSync(risks, RISKS);
        const imported = await fetch(`${base}api/imports/risks?fileName=risks.csv`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', ...headers },
          body: RISKS,
        });
        expect(imported.status).toBe(200);
        for (const action of ['submit', 'approve']) {
          const r = await fetch(`${base}api/report/2025-05/actions/${action}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: '{}',
          });
          expect(r.status).toBe(200);
        }
        const publishing = fetch(`${base}api/report/2025-05/actions/publish`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        });
        await new Promise((r) => setTimeout(r, 400));
        server.child.kill('SIGTERM');
        const answer = await publishing;
        expect(answer.status).toBe(200);
        expect(await server.exited).toBe(0);
        expect(await workflowState(probe.db, '2025-05')).toMatchObject({ status: 'published' });
        const verified = await verifyPublications(probe.db);
        expect(verified.problems).toEqual([]);
        expect(verified.publications).toBe(1);
        expect(verified.files).toBeGreaterThanOrEqual(3);
      } finally {
        server.child.kill('SIGKILL');
        await probe.close();
      }
    }, 240_000);
  });
});
