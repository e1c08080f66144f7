import type { Kysely } from 'kysely';
import { type ChainedRecord, recordSha256 } from '../../report/publication-integrity.ts';

/**
 * Chains the publications: each record stores the hash of its own content (`record_sha256`: period,
 * version, who, when, every file's SHA-256) and the previous record's (`previous_sha256`), so a
 * deleted or rewritten version breaks the chain. Existing publications are chained in id order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_publications').addColumn('previous_sha256', 'text').execute();
  await db.schema.alterTable('report_publications').addColumn('record_sha256', 'text').execute();
  const rows = await db.selectFrom('report_publications').selectAll().orderBy('id').execute();
  let previous: string | null = null;
  for (const r of rows) {
    const files = await db
      .selectFrom('report_publication_files')
      .select(['name', 'sha256', 'size'])
      .where('publication_id', '=', r.id)
      .execute();
    const record: string = recordSha256({ ...(r as ChainedRecord), previous_sha256: previous }, files);
    await db.updateTable('report_publications').set({ previous_sha256: previous, record_sha256: record }).where('id', '=', r.id).execute();
    previous = record;
  }
  // A fork (two publications naming the same predecessor) fails instead of splitting the chain.
  await db.schema.createIndex('report_publications_previous').on('report_publications').column('previous_sha256').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('report_publications_previous').execute();
  await db.schema.alterTable('report_publications').dropColumn('record_sha256').execute();
  await db.schema.alterTable('report_publications').dropColumn('previous_sha256').execute();
}
