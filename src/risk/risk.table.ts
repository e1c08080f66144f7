import type { Generated } from 'kysely';

/** The current version of each risk; every version is also in risk_revisions. */
export interface RiskTable {
  id: string;
  title: string;
  description: string;
  owner: string;
  category: string;
  /** `enterprise` or a project id */
  scope: string;
  /** YYYY-MM-DD */
  opened: string;
  closed: string | null;
  /** ISO instants */
  created_at: string;
  updated_at: string;
}

export interface RiskRevisionTable {
  id: Generated<number>;
  risk_id: string;
  /** 1, 2, 3 … per risk */
  revision: number;
  change: 'created' | 'updated' | 'closed' | 'reopened';
  title: string;
  description: string;
  owner: string;
  category: string;
  scope: string;
  opened: string;
  closed: string | null;
  changed_at: string;
  changed_by: string;
  import_run_id: number | null;
}

export interface RiskAssessmentTable {
  id: Generated<number>;
  risk_id: string;
  /** YYYY-MM */
  period: string;
  probability: number;
  consequence: number;
  status_text: string;
  assessed_by: string;
  /** YYYY-MM-DD */
  assessed_at: string;
  state: 'final' | 'draft';
  source: 'form' | 'api' | 'import' | 'roll-forward';
  /** ISO instant the row was written (knowledge time) */
  recorded_at: string;
  recorded_by: string;
  import_run_id: number | null;
}

/** Append-only: the newest row (highest id) is the matrix in force. */
export interface RiskMatrixSettingsTable {
  id: Generated<number>;
  /** JSON array of 5 Norwegian labels, index 0 = 1 */
  probability_labels: string;
  consequence_labels: string;
  /** JSON array of RiskLevelDef */
  levels: string;
  reporting_threshold: number;
  axis_orientation: string;
  valid_from: string;
  changed_by: string;
}

export interface RiskTables {
  risks: RiskTable;
  risk_revisions: RiskRevisionTable;
  risk_assessments: RiskAssessmentTable;
  risk_matrix_settings: RiskMatrixSettingsTable;
}
