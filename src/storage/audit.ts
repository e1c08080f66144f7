/**
 * Appending to the audit trail (the table belongs to src/auth; reading, counting and pruning are in
 * auth/audit.queries.ts). Here so that every area, domains included, can record its edits with the
 * values before and after.
 */
import type { Db } from './db.ts';

export interface AuditEvent {
  action: string;
  actor?: string | null;
  address?: string | null;
  target?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function recordAudit(db: Db, event: AuditEvent, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor: event.actor ?? null,
      address: event.address ?? null,
      action: event.action,
      target: event.target ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    })
    .execute();
}

export interface AuditChange {
  /** Who made the edit (the signed-in user's e-mail, or the stamp the caller was given). */
  actor: string;
  /** `<thing>.<verb>`, e.g. `narrative.edit`, `risk.edit`, `report.status`. */
  action: string;
  /** What was edited, e.g. `2025-05/arbeidstid` or `OR-10`. */
  target: string;
  /** The values before the edit (null when the thing is new) and after it. */
  before: unknown;
  after: unknown;
  /** Anything else worth keeping (a comment). */
  extra?: Record<string, unknown>;
}

/**
 * Records one content edit with its values before and after. Call it with the transaction that
 * writes the edit, so the entry and the edit commit (or roll back) together.
 */
export async function auditChange(db: Db, change: AuditChange, now: Date = new Date()): Promise<void> {
  await recordAudit(
    db,
    {
      action: change.action,
      actor: change.actor,
      target: change.target,
      detail: { before: change.before ?? null, after: change.after ?? null, ...change.extra },
    },
    now,
  );
}
