/**
 * The audit trail: append-only for the app (nothing here updates a row; only `pruneAudit` deletes,
 * by the configured retention). Who, from where, what, and before/after for edits.
 */
import type { Db } from '../storage/db.ts';

export interface AuditEvent {
  action: string;
  actor?: string | null;
  address?: string | null;
  target?: string | null;
  detail?: Record<string, unknown> | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  address: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
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

export async function listAudit(db: Db, opts: { since?: string; action?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 500);
  if (opts.since) q = q.where('at', '>=', opts.since);
  if (opts.action) q = q.where('action', '=', opts.action);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}

/** Counts entries of `action` since `since` matching the target or the address (rate limiting). */
export async function countRecent(db: Db, opts: { action: string; since: Date; target?: string; address?: string }): Promise<number> {
  let q = db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', opts.action)
    .where('at', '>=', opts.since.toISOString());
  if (opts.target !== undefined) q = q.where('target', '=', opts.target);
  if (opts.address !== undefined) q = q.where('address', '=', opts.address);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes entries older than the retention (days); 0 keeps everything. */
export async function pruneAudit(db: Db, now: Date, retentionDays: number): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cut = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const r = await db.deleteFrom('audit_log').where('at', '<', cut).executeTakeFirst();
  return Number(r.numDeletedRows);
}
