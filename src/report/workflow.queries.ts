/** Storage of the report workflow: the current status per period and every status change. */

import type { YearMonth } from '../shared/period.ts';
import { auditChange } from '../storage/audit.ts';
import type { Db } from '../storage/db.ts';
import type { ReportStatus } from './model.ts';
import { nextStatus, type WorkflowAction } from './workflow.ts';

export interface WorkflowState {
  period: YearMonth;
  version: number;
  status: ReportStatus;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface WorkflowEvent {
  version: number;
  from: ReportStatus | null;
  to: ReportStatus;
  actor: string;
  at: string;
  comment: string | null;
}

/** A period nobody has touched is a draft, version 1. */
export async function workflowState(db: Db, period: YearMonth): Promise<WorkflowState> {
  const row = await db.selectFrom('report_workflow').selectAll().where('period', '=', period).executeTakeFirst();
  if (!row) return { period, version: 1, status: 'draft', updatedAt: null, updatedBy: null };
  return { period, version: row.version, status: row.status, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export async function workflowEvents(db: Db, period: YearMonth): Promise<WorkflowEvent[]> {
  const rows = await db.selectFrom('report_events').selectAll().where('period', '=', period).orderBy('id').execute();
  return rows.map((r) => ({
    version: r.version,
    from: r.from_status as ReportStatus | null,
    to: r.to_status as ReportStatus,
    actor: r.actor,
    at: r.at,
    comment: r.comment,
  }));
}

/**
 * Applies a workflow action inside `trx` (the caller's transaction). `revise` starts the next
 * version. Returns the new state; throws CONFLICT for a transition the status does not allow.
 */
export async function applyAction(
  trx: Db,
  period: YearMonth,
  action: WorkflowAction,
  who: { actor: string; at: string; comment?: string | undefined },
): Promise<WorkflowState> {
  const current = await workflowState(trx, period);
  const status = nextStatus(current.status, action);
  const version = action === 'revise' ? current.version + 1 : current.version;
  const values = { version, status, updated_at: who.at, updated_by: who.actor };
  if (current.updatedAt === null)
    await trx
      .insertInto('report_workflow')
      .values({ period, ...values })
      .execute();
  else await trx.updateTable('report_workflow').set(values).where('period', '=', period).execute();
  await trx
    .insertInto('report_events')
    .values({ period, version, from_status: current.status, to_status: status, actor: who.actor, at: who.at, comment: who.comment ?? null })
    .execute();
  await auditChange(trx, {
    actor: who.actor,
    action: 'report.status',
    target: period,
    before: { status: current.status, version: current.version },
    after: { status, version },
    extra: { workflowAction: action, ...(who.comment ? { comment: who.comment } : {}) },
  });
  return { period, version, status, updatedAt: who.at, updatedBy: who.actor };
}
