import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dialectMatrix, freshDatabase } from '../../test/support/databases.ts';
import { describeLayer } from '../../test/support/layers.ts';
import { folderMigrations, migrateToLatest } from '../storage/migrate.ts';
import { verifyPublications } from './publication-integrity.ts';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const CHAIN = '202612010455_report_publication_chain';

for (const { dialect, missing } of dialectMatrix()) {
  describeLayer(`the publication chain migration [${dialect}]`, missing, () => {
    it('chains publications stored before it, in publication order, so verify passes', async () => {
      const open = await freshDatabase(dialect, { migrate: false });
      try {
        const all = await folderMigrations();
        // The database as it stood before the chain migration: every migration older than it.
        await migrateToLatest(open.db, { getMigrations: async () => Object.fromEntries(Object.entries(all).filter(([n]) => n < CHAIN)) });
        const db = open.db as unknown as import('kysely').Kysely<any>;
        for (const [period, version] of [
          ['2025-04', 1],
          ['2025-05', 1],
        ] as const) {
          const html = Buffer.from(`<p>${period}</p>`);
          const row = {
            period,
            version,
            published_at: `${period}-28T08:00:00.000Z`,
            published_by: 'Ola',
            compiled_at: `${period}-28T08:00:00.000Z`,
            html_sha256: sha(html),
            pdf_sha256: sha('pdf'),
            values_sha256: sha('{}'),
            superseded_at: null,
          };
          const { id } = await db.insertInto('report_publications').values(row).returning('id').executeTakeFirstOrThrow();
          await db
            .insertInto('report_publication_files')
            .values({
              publication_id: id,
              name: 'report.html',
              media_type: 'text/html',
              sha256: sha(html),
              size: html.length,
              content: html,
            })
            .execute();
        }
        await migrateToLatest(open.db);
        const result = await verifyPublications(open.db);
        expect(result).toMatchObject({ publications: 2, files: 2, problems: [] });
        const rows = await open.db.selectFrom('report_publications').select(['previous_sha256', 'record_sha256']).orderBy('id').execute();
        expect(rows[0]?.previous_sha256).toBeNull();
        expect(rows[1]?.previous_sha256).toBe(rows[0]?.record_sha256);
      } finally {
        await open.close();
      }
    });
  });
}
