import type { Kysely } from 'kysely';
import { isSqlite, withId } from '../schema.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('report_templates'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('report_narratives'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_narratives_period_section').on('report_narratives').columns(['period', 'section_id']).execute();

  await db.schema
    .createTable('report_workflow')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('report_events'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('report_events_period').on('report_events').column('period').execute();

  await withId(db, db.schema.createTable('report_publications'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('compiled_at', 'text', (c) => c.notNull())
    .addColumn('html_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('values_sha256', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .addUniqueConstraint('report_publications_period_version', ['period', 'version'])
    .execute();

  await withId(db, db.schema.createTable('report_publication_files'))
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('report_publications.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isSqlite(db) ? 'blob' : 'bytea', (c) => c.notNull())
    .addUniqueConstraint('report_publication_files_name', ['publication_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'report_publication_files',
    'report_publications',
    'report_events',
    'report_workflow',
    'report_narratives',
    'report_templates',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
