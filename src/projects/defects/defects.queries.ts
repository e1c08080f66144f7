import type { Db } from '../../storage/db.ts';
import type { ClassRule, DefectClass, JiraIssue, RuleSource, StatusCategory } from './defects.ts';

const parseList = (text: string): string[] => {
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? v.map(String) : [];
};

/** Every issue stored for a project. */
export async function listIssues(db: Db, project: string): Promise<JiraIssue[]> {
  const rows = await db.selectFrom('project_issues').selectAll().where('project', '=', project).orderBy('issue_key').execute();
  return rows.map((r) => ({
    key: r.issue_key,
    summary: r.summary,
    type: r.issue_type,
    priority: r.priority,
    status: r.status,
    statusCategory: r.status_category as StatusCategory | null,
    labels: parseList(r.labels),
    components: parseList(r.components),
    fixVersions: parseList(r.fix_versions),
    created: r.created_at,
    resolved: r.resolved_at,
    updated: r.updated_at,
    fields: JSON.parse(r.custom_fields) as Record<string, string[]>,
  }));
}

/**
 * Inserts new issues and updates known ones (by project + key) unless the stored copy is newer:
 * the latest `updated` wins, so an older export imported later changes nothing.
 */
export async function upsertIssues(
  db: Db,
  project: string,
  issues: readonly JiraIssue[],
  importRunId: number | null,
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  for (const i of issues) {
    const values = {
      summary: i.summary,
      issue_type: i.type,
      priority: i.priority,
      status: i.status,
      status_category: i.statusCategory,
      labels: JSON.stringify(i.labels),
      components: JSON.stringify(i.components),
      fix_versions: JSON.stringify(i.fixVersions),
      custom_fields: JSON.stringify(i.fields),
      created_at: i.created,
      resolved_at: i.resolved,
      updated_at: i.updated,
      import_run_id: importRunId,
    };
    const found = await db
      .selectFrom('project_issues')
      .select(['id', 'updated_at'])
      .where('project', '=', project)
      .where('issue_key', '=', i.key)
      .executeTakeFirst();
    if (!found) {
      await db
        .insertInto('project_issues')
        .values({ project, issue_key: i.key, ...values })
        .execute();
      inserted++;
    } else if (Date.parse(found.updated_at) <= Date.parse(i.updated)) {
      await db.updateTable('project_issues').set(values).where('id', '=', found.id).execute();
      updated++;
    }
  }
  return { inserted, updated };
}

export async function listRules(db: Db): Promise<ClassRule[]> {
  const rows = await db.selectFrom('project_defect_rules').selectAll().orderBy('position').execute();
  return rows.map((r) => ({
    source: r.source as RuleSource,
    field: r.field ?? undefined,
    value: r.value,
    class: r.defect_class as DefectClass,
  }));
}

/** Replaces the whole rule set (the order of `rules` is kept). */
export async function replaceRules(db: Db, rules: readonly ClassRule[]): Promise<void> {
  await db.deleteFrom('project_defect_rules').execute();
  if (rules.length === 0) return;
  await db
    .insertInto('project_defect_rules')
    .values(rules.map((r, position) => ({ position, source: r.source, field: r.field ?? null, value: r.value, defect_class: r.class })))
    .execute();
}
