import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/**
 * The enterprise risk register. Nothing is overwritten: every version of a risk is kept in
 * risk_revisions, every assessment (also a corrected one for the same period) is its own row, and a
 * changed risk matrix is a new risk_matrix_settings row. The migration is frozen, so it carries its
 * own copy of the spec's default matrix.
 */
const DEFAULT_MATRIX_ROW = {
  probability_labels: JSON.stringify(['Svært lite sannsynlig', 'Lite sannsynlig', 'Mulig', 'Sannsynlig', 'Svært sannsynlig']),
  consequence_labels: JSON.stringify(['Ubetydelig', 'Mindre alvorlig', 'Alvorlig', 'Svært alvorlig', 'Katastrofal']),
  levels: JSON.stringify([
    { key: 'low', label: 'Lav', colourName: 'grønn', colour: '#6abf69', letter: 'L', minScore: 1 },
    { key: 'moderate', label: 'Moderat', colourName: 'gul', colour: '#ffd54f', letter: 'M', minScore: 5 },
    { key: 'high', label: 'Høy', colourName: 'oransje', colour: '#f7a047', letter: 'H', minScore: 8 },
    { key: 'critical', label: 'Kritisk', colourName: 'rød', colour: '#e8625c', letter: 'K', minScore: 15 },
  ]),
  reporting_threshold: 8,
  axis_orientation: 'consequence-x',
  valid_from: '1970-01-01T00:00:00.000Z',
  changed_by: 'migrering',
};

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('risk_matrix_settings'))
    .addColumn('probability_labels', 'text', (c) => c.notNull())
    .addColumn('consequence_labels', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('reporting_threshold', 'integer', (c) => c.notNull())
    .addColumn('axis_orientation', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('risk_matrix_settings').values(DEFAULT_MATRIX_ROW).execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('enterprise'))
    .addColumn('opened', 'text', (c) => c.notNull())
    .addColumn('closed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('risk_revisions'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('opened', 'text', (c) => c.notNull())
    .addColumn('closed', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema.createIndex('risk_revisions_risk').on('risk_revisions').columns(['risk_id', 'revision']).unique().execute();

  await withId(db, db.schema.createTable('risk_assessments'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('probability', 'integer', (c) => c.notNull())
    .addColumn('consequence', 'integer', (c) => c.notNull())
    .addColumn('status_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('assessed_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema.createIndex('risk_assessments_risk_period').on('risk_assessments').columns(['risk_id', 'period']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('risk_assessments').execute();
  await db.schema.dropTable('risk_revisions').execute();
  await db.schema.dropTable('risks').execute();
  await db.schema.dropTable('risk_matrix_settings').execute();
}
