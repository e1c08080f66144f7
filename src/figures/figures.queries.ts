import { auditChange } from '../storage/audit.ts';
import type { Db } from '../storage/db.ts';
import type { FigureChange, FigureDefinition, FigureUnit } from './figures.ts';

export async function findFigureDefinitions(db: Db): Promise<FigureDefinition[]> {
  const rows = await db.selectFrom('registered_figures').selectAll().orderBy('figure_id').execute();
  return rows.map((r) => ({ id: r.figure_id, label: r.label, unit: r.unit as FigureUnit, decimals: Number(r.decimals) }));
}

/** Creates the figure or updates its label, unit and decimals. */
export async function saveFigureDefinition(db: Db, def: FigureDefinition): Promise<void> {
  const existing = await db.selectFrom('registered_figures').select('id').where('figure_id', '=', def.id).executeTakeFirst();
  const values = { label: def.label, unit: def.unit, decimals: def.decimals };
  if (existing) await db.updateTable('registered_figures').set(values).where('id', '=', existing.id).execute();
  else
    await db
      .insertInto('registered_figures')
      .values({ figure_id: def.id, ...values })
      .execute();
}

export interface FigureValueInput {
  figureId: string;
  period: string;
  value: number;
  source: string;
}

/**
 * Stores a value and audits the change (before/after, who, when). Registering the same value and
 * source again changes nothing and adds no audit row. Returns whether anything changed.
 */
export async function saveFigureValue(
  db: Db,
  v: FigureValueInput,
  meta: { at: string; by: string; importRunId: number | null },
): Promise<boolean> {
  const current = await db
    .selectFrom('registered_figure_values')
    .select(['id', 'value', 'source'])
    .where('figure_id', '=', v.figureId)
    .where('period', '=', v.period)
    .executeTakeFirst();
  if (current && Number(current.value) === v.value && current.source === v.source) return false;
  const row = { value: v.value, source: v.source, updated_at: meta.at, updated_by: meta.by, import_run_id: meta.importRunId };
  if (current) await db.updateTable('registered_figure_values').set(row).where('id', '=', current.id).execute();
  else
    await db
      .insertInto('registered_figure_values')
      .values({ figure_id: v.figureId, period: v.period, ...row })
      .execute();
  await db
    .insertInto('registered_figure_changes')
    .values({
      figure_id: v.figureId,
      period: v.period,
      value_before: current ? Number(current.value) : null,
      value_after: v.value,
      source_before: current?.source ?? null,
      source_after: v.source,
      changed_at: meta.at,
      changed_by: meta.by,
      import_run_id: meta.importRunId,
    })
    .execute();
  // An import is audited as its import run; an edit in the web app gets its own entry.
  if (meta.importRunId === null) {
    await auditChange(db, {
      actor: meta.by,
      action: 'figure.edit',
      target: `${v.figureId}/${v.period}`,
      before: current ? { value: Number(current.value), source: current.source } : null,
      after: { value: v.value, source: v.source },
    });
  }
  return true;
}

/** The audit of a figure (optionally one period), oldest first. */
export async function figureChanges(db: Db, figureId: string, period?: string): Promise<FigureChange[]> {
  let q = db.selectFrom('registered_figure_changes').selectAll().where('figure_id', '=', figureId);
  if (period !== undefined) q = q.where('period', '=', period);
  const rows = await q.orderBy('changed_at').orderBy('id').execute();
  return rows.map((r) => ({
    figureId: r.figure_id,
    period: r.period,
    valueBefore: r.value_before === null ? null : Number(r.value_before),
    valueAfter: Number(r.value_after),
    sourceBefore: r.source_before,
    sourceAfter: r.source_after,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
  }));
}
