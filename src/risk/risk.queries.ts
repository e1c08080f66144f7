/**
 * Data access for the risk register: plain functions taking `db` first. Writes append (a new
 * revision, a new assessment row, a new matrix row); nothing is overwritten except the `risks` row
 * that mirrors the newest revision.
 */

import type { Selectable } from 'kysely';
import { AppError } from '../shared/errors.ts';
import { lastDayOfMonth, monthOf, type YearMonth } from '../shared/period.ts';
import { auditChange } from '../storage/audit.ts';
import type { Db } from '../storage/db.ts';
import type { RiskAssessmentTable, RiskMatrixSettingsTable, RiskRevisionTable, RiskTable } from './risk.table.ts';
import {
  type Assessment,
  type AssessmentInput,
  type AssessmentSource,
  type RegisterEntry,
  type Risk,
  registerAt,
  rollForwardDrafts,
} from './risk.ts';
import { DEFAULT_RISK_MATRIX, type RiskMatrix } from './risk-level.ts';

/** Who writes, when, and (for imports) from which run. */
export interface WriteStamp {
  at: string;
  by: string;
  importRunId?: number | null;
}

export type RiskFields = Omit<Risk, 'id'>;

export interface RiskRevision extends Risk {
  revision: number;
  change: RiskRevisionTable['change'];
  changedAt: string;
  changedBy: string;
}

/** Runs `fn` in a transaction, or in the caller's transaction when `db` already is one. */
async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export function toRisk(row: Selectable<RiskTable>): Risk {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    owner: row.owner,
    category: row.category,
    scope: row.scope,
    opened: row.opened,
    closed: row.closed,
  };
}

export function toAssessment(row: Selectable<RiskAssessmentTable>): Assessment {
  return {
    id: row.id,
    riskId: row.risk_id,
    period: row.period,
    probability: row.probability,
    consequence: row.consequence,
    statusText: row.status_text,
    assessedBy: row.assessed_by,
    assessedAt: row.assessed_at,
    state: row.state,
    source: row.source,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

function toRevision(row: Selectable<RiskRevisionTable>): RiskRevision {
  return {
    ...toRisk({ ...row, id: row.risk_id, created_at: '', updated_at: '' }),
    revision: row.revision,
    change: row.change,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
  };
}

function toMatrix(row: Selectable<RiskMatrixSettingsTable>): RiskMatrix {
  return {
    probabilityLabels: JSON.parse(row.probability_labels) as string[],
    consequenceLabels: JSON.parse(row.consequence_labels) as string[],
    levels: JSON.parse(row.levels) as RiskMatrix['levels'],
    reportingThreshold: row.reporting_threshold,
    axes: row.axis_orientation === 'probability-x' ? 'probability-x' : 'consequence-x',
  };
}

// ---------- matrix ----------

/** The matrix in force: the newest settings row, or the spec's default. */
export async function loadRiskMatrix(db: Db): Promise<RiskMatrix> {
  const row = await db.selectFrom('risk_matrix_settings').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? toMatrix(row) : DEFAULT_RISK_MATRIX;
}

/** Appends a matrix version (the caller validates it with validateRiskMatrix). */
export async function saveRiskMatrix(db: Db, matrix: RiskMatrix, stamp: WriteStamp): Promise<void> {
  await db
    .insertInto('risk_matrix_settings')
    .values({
      probability_labels: JSON.stringify(matrix.probabilityLabels),
      consequence_labels: JSON.stringify(matrix.consequenceLabels),
      levels: JSON.stringify(matrix.levels),
      reporting_threshold: matrix.reportingThreshold,
      axis_orientation: matrix.axes,
      valid_from: stamp.at,
      changed_by: stamp.by,
    })
    .execute();
}

// ---------- risks ----------

export async function listRisks(db: Db): Promise<Risk[]> {
  return (await db.selectFrom('risks').selectAll().orderBy('id').execute()).map(toRisk);
}

export async function findRisk(db: Db, id: string): Promise<Risk | undefined> {
  const row = await db.selectFrom('risks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRisk(row) : undefined;
}

export async function getRisk(db: Db, id: string): Promise<Risk> {
  const risk = await findRisk(db, id);
  if (!risk) throw new AppError('NOT_FOUND', `Risikoen ${id} finnes ikke`, { details: { id } });
  return risk;
}

export async function listRevisions(db: Db, riskId: string): Promise<RiskRevision[]> {
  const rows = await db.selectFrom('risk_revisions').selectAll().where('risk_id', '=', riskId).orderBy('revision').execute();
  return rows.map(toRevision);
}

/** Every revision of every risk (for the full export). */
export async function listAllRevisions(db: Db): Promise<RiskRevision[]> {
  const rows = await db.selectFrom('risk_revisions').selectAll().orderBy('risk_id').orderBy('revision').execute();
  return rows.map(toRevision);
}

function sameFields(a: Risk, b: Risk): boolean {
  return (
    a.title === b.title &&
    a.description === b.description &&
    a.owner === b.owner &&
    a.category === b.category &&
    a.scope === b.scope &&
    a.opened === b.opened &&
    a.closed === b.closed
  );
}

async function appendRevision(db: Db, risk: Risk, change: RiskRevisionTable['change'], stamp: WriteStamp): Promise<void> {
  const last = await db
    .selectFrom('risk_revisions')
    .select((eb) => eb.fn.max('revision').as('n'))
    .where('risk_id', '=', risk.id)
    .executeTakeFirst();
  await db
    .insertInto('risk_revisions')
    .values({
      risk_id: risk.id,
      revision: Number(last?.n ?? 0) + 1,
      change,
      title: risk.title,
      description: risk.description,
      owner: risk.owner,
      category: risk.category,
      scope: risk.scope,
      opened: risk.opened,
      closed: risk.closed,
      changed_at: stamp.at,
      changed_by: stamp.by,
      import_run_id: stamp.importRunId ?? null,
    })
    .execute();
}

export async function createRisk(db: Db, risk: Risk, stamp: WriteStamp): Promise<Risk> {
  return inTransaction(db, async (trx) => {
    if (await findRisk(trx, risk.id)) {
      throw new AppError('CONFLICT', `Risiko-ID ${risk.id} er allerede i bruk; en ID brukes aldri om igjen`, {
        details: { id: risk.id },
      });
    }
    await trx
      .insertInto('risks')
      .values({ ...risk, created_at: stamp.at, updated_at: stamp.at })
      .execute();
    await appendRevision(trx, risk, 'created', stamp);
    await auditRiskEdit(trx, stamp, 'risk.create', risk.id, null, risk);
    return risk;
  });
}

/** Edits through the pages and the API are audited one by one; an import is audited as the import run. */
async function auditRiskEdit(db: Db, stamp: WriteStamp, action: string, target: string, before: unknown, after: unknown): Promise<void> {
  if (stamp.importRunId != null) return;
  await auditChange(db, { actor: stamp.by, action, target, before, after });
}

function changeKind(before: Risk, after: Risk): RiskRevisionTable['change'] {
  if (before.closed === null && after.closed !== null) return 'closed';
  if (before.closed !== null && after.closed === null) return 'reopened';
  return 'updated';
}

/** Saves new field values as a new revision; unchanged values add nothing. */
export async function updateRisk(db: Db, id: string, fields: RiskFields, stamp: WriteStamp): Promise<{ risk: Risk; changed: boolean }> {
  return inTransaction(db, async (trx) => {
    const before = await getRisk(trx, id);
    const after: Risk = { ...fields, id };
    if (sameFields(before, after)) return { risk: before, changed: false };
    await checkAssessmentsInside(trx, after);
    await trx
      .updateTable('risks')
      .set({ ...fields, updated_at: stamp.at })
      .where('id', '=', id)
      .execute();
    await appendRevision(trx, after, changeKind(before, after), stamp);
    await auditRiskEdit(trx, stamp, 'risk.edit', id, before, after);
    return { risk: after, changed: true };
  });
}

/** A risk's opened/closed dates must still cover every period it has been assessed in. */
async function checkAssessmentsInside(db: Db, risk: Risk): Promise<void> {
  const range = await db
    .selectFrom('risk_assessments')
    .select((eb) => [eb.fn.min('period').as('first'), eb.fn.max('period').as('last')])
    .where('risk_id', '=', risk.id)
    .executeTakeFirst();
  const first = range?.first as string | null | undefined;
  const last = range?.last as string | null | undefined;
  if (first && monthOf(risk.opened) > first) {
    throw new AppError('VALIDATION', `Åpnet-datoen kan ikke være etter første vurdering (${first})`, {
      problems: [
        fieldProblem('opened', `åpnet-datoen kan ikke være etter første vurdering (${first})`, 'opened after the first assessment'),
      ],
    });
  }
  if (last && risk.closed !== null && monthOf(risk.closed) < last) {
    throw new AppError('VALIDATION', `Lukket-datoen kan ikke være før siste vurdering (${last})`, {
      problems: [fieldProblem('closed', `lukket-datoen kan ikke være før siste vurdering (${last})`, 'closed before the last assessment')],
    });
  }
}

function fieldProblem(column: string, message: string, messageEn: string) {
  return { file: 'request', column, message, messageEn, severity: 'error' as const };
}

export async function closeRisk(db: Db, id: string, closed: string, stamp: WriteStamp): Promise<Risk> {
  return inTransaction(db, async (trx) => {
    const risk = await getRisk(trx, id);
    if (risk.closed !== null) {
      throw new AppError('CONFLICT', `Risikoen ${id} ble lukket ${risk.closed}`, { details: { id } });
    }
    if (closed < risk.opened) {
      throw new AppError('VALIDATION', 'Lukket-datoen kan ikke være før åpnet-datoen', {
        problems: [fieldProblem('closed', 'lukket-datoen kan ikke være før åpnet-datoen', 'closed before opened')],
      });
    }
    const { risk: after } = await updateRisk(trx, id, { ...risk, closed }, stamp);
    return after;
  });
}

// ---------- assessments ----------

export async function listAssessments(db: Db, options: { riskId?: string; knownAt?: string | undefined } = {}): Promise<Assessment[]> {
  let q = db.selectFrom('risk_assessments').selectAll();
  if (options.riskId !== undefined) q = q.where('risk_id', '=', options.riskId);
  if (options.knownAt !== undefined) q = q.where('recorded_at', '<=', options.knownAt);
  const rows = await q.orderBy('risk_id').orderBy('period').orderBy('recorded_at').orderBy('id').execute();
  return rows.map(toAssessment);
}

/** The periods in which a risk can be assessed: from the month it opened to the month it closed. */
export function assessmentPeriodProblem(risk: Risk, period: YearMonth): { message: string; messageEn: string } | undefined {
  if (period < monthOf(risk.opened)) {
    return {
      message: `perioden ${period} er før risikoen ble åpnet (${risk.opened})`,
      messageEn: `period ${period} is before the risk was opened (${risk.opened})`,
    };
  }
  if (risk.closed !== null && period > monthOf(risk.closed)) {
    return {
      message: `perioden ${period} er etter at risikoen ble lukket (${risk.closed})`,
      messageEn: `period ${period} is after the risk was closed (${risk.closed})`,
    };
  }
  return undefined;
}

export async function insertAssessment(
  db: Db,
  input: AssessmentInput,
  options: WriteStamp & { source: AssessmentSource; recordedAt?: string },
): Promise<Assessment> {
  const row = await db
    .insertInto('risk_assessments')
    .values({
      risk_id: input.riskId,
      period: input.period,
      probability: input.probability,
      consequence: input.consequence,
      status_text: input.statusText,
      assessed_by: input.assessedBy,
      assessed_at: input.assessedAt,
      state: input.state,
      source: options.source,
      recorded_at: options.recordedAt ?? options.at,
      recorded_by: options.by,
      import_run_id: options.importRunId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAssessment(row);
}

/** Adds an assessment after checking the risk exists and is open in the period. */
export async function addAssessment(
  db: Db,
  input: AssessmentInput,
  options: WriteStamp & { source: AssessmentSource },
): Promise<Assessment> {
  const risk = await getRisk(db, input.riskId);
  const bad = assessmentPeriodProblem(risk, input.period);
  if (bad) {
    throw new AppError('VALIDATION', `${input.riskId}: ${bad.message}`, {
      problems: [fieldProblem('period', bad.message, bad.messageEn)],
    });
  }
  return inTransaction(db, async (trx) => {
    const earlier = (await listAssessments(trx, { riskId: input.riskId })).filter((a) => a.period === input.period).at(-1);
    const saved = await insertAssessment(trx, input, options);
    const values = (a: Assessment) => ({
      probability: a.probability,
      consequence: a.consequence,
      statusText: a.statusText,
      state: a.state,
    });
    await auditRiskEdit(
      trx,
      options,
      'risk.assessment',
      `${input.riskId}/${input.period}`,
      earlier ? values(earlier) : null,
      values(saved),
    );
    return saved;
  });
}

/** Copies each open risk's latest assessment into `period` as a draft; returns the drafts written. */
export async function rollRegisterForward(db: Db, period: YearMonth, stamp: WriteStamp): Promise<Assessment[]> {
  return inTransaction(db, async (trx) => {
    const drafts = rollForwardDrafts(await listRisks(trx), await listAssessments(trx), period);
    const out: Assessment[] = [];
    for (const d of drafts) out.push(await insertAssessment(trx, d, { ...stamp, source: 'roll-forward' }));
    return out;
  });
}

// ---------- the register for a period ----------

export interface RegisterSnapshot {
  period: YearMonth;
  matrix: RiskMatrix;
  entries: RegisterEntry[];
  /** All assessments known at the time asked (for movement and history). */
  assessments: Assessment[];
}

/**
 * The register as it stood for `period`, from what was recorded by `knownAt` (default: everything).
 * Risks opened after the period are left out.
 */
export async function registerForPeriod(db: Db, options: { period: YearMonth; knownAt?: string | undefined }): Promise<RegisterSnapshot> {
  const [risks, assessments, matrix] = await Promise.all([
    listRisks(db),
    listAssessments(db, { knownAt: options.knownAt }),
    loadRiskMatrix(db),
  ]);
  const end = lastDayOfMonth(options.period);
  const entries = registerAt(
    risks.filter((r) => r.opened <= end),
    assessments,
    options.period,
    matrix,
  );
  return { period: options.period, matrix, entries, assessments };
}
