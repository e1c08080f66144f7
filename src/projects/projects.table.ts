import type { Generated } from 'kysely';

export interface ProjectTable {
  /** slug: `medielogg` */
  id: string;
  name: string;
  owner: string;
  phase: string;
  /** Finance's investment project id, when one exists. */
  investment_project: string | null;
  /** Jira project key (`ML`). */
  jira_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectMilestoneTable {
  id: Generated<number>;
  project: string;
  milestone: string;
  name: string;
  kind: string;
  /** YYYY-MM-DD */
  baseline: string | null;
  planned: string | null;
  actual: string | null;
  /** NOK in øre */
  amount_ore: number | null;
  follows: string | null;
  updated_at: string;
}

/** Append-only: every change of a milestone's planned date. */
export interface ProjectMilestoneChangeTable {
  id: Generated<number>;
  project: string;
  milestone: string;
  changed_at: string;
  old_date: string | null;
  new_date: string | null;
  reason: string;
  changed_by: string;
  import_run_id: number | null;
}

/** One Jira issue per project and key: the latest `updated` wins. */
export interface ProjectIssueTable {
  id: Generated<number>;
  project: string;
  issue_key: string;
  summary: string;
  issue_type: string;
  priority: string | null;
  status: string;
  status_category: string | null;
  /** JSON arrays / object */
  labels: string;
  components: string;
  fix_versions: string;
  custom_fields: string;
  /** ISO instants */
  created_at: string;
  resolved_at: string | null;
  updated_at: string;
  import_run_id: number | null;
}

/** Class rules in order (`position`); the whole set is replaced by an import. */
export interface ProjectDefectRuleTable {
  id: Generated<number>;
  position: number;
  /** `field`, `label` or `priority` */
  source: string;
  field: string | null;
  value: string;
  defect_class: string;
}

export interface ProjectTables {
  projects: ProjectTable;
  project_milestones: ProjectMilestoneTable;
  project_milestone_changes: ProjectMilestoneChangeTable;
  project_issues: ProjectIssueTable;
  project_defect_rules: ProjectDefectRuleTable;
}
