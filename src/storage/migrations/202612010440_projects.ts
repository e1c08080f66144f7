import type { Kysely } from 'kysely';
import { withId } from '../schema.ts';

/**
 * Projects: the register, milestones with every planned-date change kept, Jira issues (one row per
 * project and key, updated in place by newer imports) and the defect class rules.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('investment_project', 'text')
    .addColumn('jira_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('project_milestones'))
    .addColumn('project', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text')
    .addColumn('planned', 'text')
    .addColumn('actual', 'text')
    .addColumn('amount_ore', 'bigint')
    .addColumn('follows', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_milestones_key').on('project_milestones').columns(['project', 'milestone']).unique().execute();

  await withId(db, db.schema.createTable('project_milestone_changes'))
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('old_date', 'text')
    .addColumn('new_date', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema.createIndex('project_milestone_changes_key').on('project_milestone_changes').columns(['project', 'milestone']).execute();

  await withId(db, db.schema.createTable('project_issues'))
    .addColumn('project', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('issue_key', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issue_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('priority', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status_category', 'text')
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('components', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('fix_versions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .execute();
  await db.schema.createIndex('project_issues_key').on('project_issues').columns(['project', 'issue_key']).unique().execute();

  await withId(db, db.schema.createTable('project_defect_rules'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('defect_class', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['project_defect_rules', 'project_issues', 'project_milestone_changes', 'project_milestones', 'projects']) {
    await db.schema.dropTable(t).execute();
  }
}
