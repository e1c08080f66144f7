/**
 * The audit trail: append-only for the app (nothing here updates a row; only `pruneAudit` deletes,
 * by the configured retention). Who, from where, what, and before/after for edits.
 */
import type { Db } from '../storage/db.ts';

// Writing lives in storage/audit.ts so that domains (which may not import auth) can audit their edits.
export { type AuditChange, type AuditEvent, auditChange, recordAudit } from '../storage/audit.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  address: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
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
