/**
 * The register's importers (CSV or XLSX, all-or-nothing, problems per row and column):
 * - `risks`: `id;title;description;owner;category;scope;opened;closed`; a known id is updated
 *   (as a new revision), a new id is created.
 * - `risk-assessments`: `risk_id;period;probability;consequence;status_text;assessed_by`
 *   (+ optional `assessed_at`, `state`, `recorded_at`); every row is kept, a later one for the same
 *   period supersedes; a row identical to the one in force for its period is skipped.
 * - `risk-register`: the full-history export read back (risks and assessments in one file).
 */
import { problem } from '../imports/decode.ts';
import type { ImportContext } from '../imports/imports.ts';
import { defineTableImporter } from '../imports/table-importer.ts';
import type { Problem } from '../shared/errors.ts';
import { localDateOf } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { REGISTER_COLUMNS } from './risk.export.ts';
import { type FieldProblem, parseAssessmentFields, parseRecordedAt, parseRiskFields } from './risk.parse.ts';
import {
  assessmentPeriodProblem,
  createRisk,
  findRisk,
  insertAssessment,
  listAssessments,
  updateRisk,
  type WriteStamp,
} from './risk.queries.ts';
import type { AssessmentInput, AssessmentSource, Risk } from './risk.ts';

type Report = (column: string, message: string, messageEn: string) => void;

function reportAll(problems: FieldProblem[], report: Report): undefined {
  for (const p of problems) report(p.field, p.message, p.messageEn);
  return undefined;
}

function stampOf(ctx: ImportContext): WriteStamp {
  return { at: ctx.now, by: ctx.importedBy, importRunId: ctx.runId };
}

function rowProblem(ctx: ImportContext, line: number, column: string, message: string, messageEn: string): Problem {
  return problem(ctx.source.fileName, message, messageEn, { line, column });
}

/** Duplicates inside one file: the second occurrence names the first. */
function duplicates<T>(
  rows: { line: number; row: T }[],
  key: (row: T) => string,
  ctx: ImportContext,
  column: string,
  what: string,
): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  for (const { line, row } of rows) {
    const k = key(row);
    const first = seen.get(k);
    if (first !== undefined) {
      out.push(rowProblem(ctx, line, column, `${what} ${k} står også på linje ${first}`, `${what} ${k} also on line ${first}`));
    } else seen.set(k, line);
  }
  return out;
}

/** New or changed risks: create unknown ids, add a revision for changed ones. */
async function upsertRisks(trx: Db, risks: Risk[], stamp: WriteStamp): Promise<void> {
  for (const risk of risks) {
    if (await findRisk(trx, risk.id)) await updateRisk(trx, risk.id, risk, stamp);
    else await createRisk(trx, risk, stamp);
  }
}

/** A risk's dates must cover the periods it is already assessed in (in the database). */
async function datesCoverAssessments(rows: { line: number; row: Risk }[], ctx: ImportContext, idColumn: string): Promise<Problem[]> {
  const out: Problem[] = [];
  const assessments = await listAssessments(ctx.trx);
  for (const { line, row } of rows) {
    for (const a of assessments.filter((x) => x.riskId === row.id)) {
      const bad = assessmentPeriodProblem(row, a.period);
      if (bad) {
        out.push(rowProblem(ctx, line, idColumn, `datoene passer ikke med lagret vurdering: ${bad.message}`, bad.messageEn));
        break;
      }
    }
  }
  return out;
}

const RISK_COLUMNS = [
  { name: 'id' },
  { name: 'title' },
  { name: 'description', required: false },
  { name: 'owner', required: false },
  { name: 'category', required: false },
  { name: 'scope', required: false },
  { name: 'opened' },
  { name: 'closed', required: false },
];

export const risksImporter = defineTableImporter<Risk>({
  kind: 'risks',
  label: 'Virksomhetsrisikoer',
  description: 'Risk register rows: id;title;description;owner;category;scope;opened;closed (create or update).',
  columns: RISK_COLUMNS,
  parseRow(record, ctx) {
    const parsed = parseRiskFields(record.values);
    return parsed.ok ? parsed.value : reportAll(parsed.problems, ctx.problem);
  },
  async validate(rows, ctx) {
    return [...duplicates(rows, (r) => r.id, ctx, 'id', 'risiko-ID'), ...(await datesCoverAssessments(rows, ctx, 'id'))];
  },
  async write(trx, rows, ctx) {
    await upsertRisks(trx, rows, stampOf(ctx));
  },
});

function assessmentDefaults(ctx: { now: string }) {
  return { assessedAt: localDateOf(Date.parse(ctx.now)) };
}

/** Checks against the register: the risk exists (in the database or earlier in the same file) and is open in the period. */
async function assessmentRowProblems(rows: { line: number; row: AssessmentInput }[], ctx: ImportContext, fileRisks: Map<string, Risk>) {
  const out: Problem[] = [];
  for (const { line, row } of rows) {
    const risk = fileRisks.get(row.riskId) ?? (await findRisk(ctx.trx, row.riskId));
    if (!risk) {
      out.push(
        rowProblem(
          ctx,
          line,
          'risk_id',
          `risikoen ${row.riskId} finnes ikke i registeret; importer den først (risks)`,
          `risk ${row.riskId} is not in the register; import it first`,
        ),
      );
      continue;
    }
    const bad = assessmentPeriodProblem(risk, row.period);
    if (bad) out.push(rowProblem(ctx, line, 'period', bad.message, bad.messageEn));
  }
  return out;
}

function sameAssessment(a: AssessmentInput, b: AssessmentInput): boolean {
  return (
    a.probability === b.probability &&
    a.consequence === b.consequence &&
    a.statusText === b.statusText &&
    a.assessedBy === b.assessedBy &&
    a.assessedAt === b.assessedAt &&
    a.state === b.state
  );
}

type ImportedAssessment = AssessmentInput & { recordedAt: string };

export const riskAssessmentsImporter = defineTableImporter<ImportedAssessment>({
  kind: 'risk-assessments',
  label: 'Risikovurderinger',
  description: 'Periodic assessments: risk_id;period;probability;consequence;status_text;assessed_by[;assessed_at;state;recorded_at].',
  columns: [
    { name: 'risk_id' },
    { name: 'period' },
    { name: 'probability' },
    { name: 'consequence' },
    { name: 'status_text', required: false },
    { name: 'assessed_by', required: false },
    { name: 'assessed_at', required: false },
    { name: 'state', required: false },
    { name: 'recorded_at', required: false },
  ],
  parseRow(record, ctx) {
    const parsed = parseAssessmentFields(record.values, assessmentDefaults(ctx));
    const recordedAt = parseRecordedAt(record.values, ctx.now);
    if (!parsed.ok || !recordedAt.ok)
      return reportAll([...(parsed.ok ? [] : parsed.problems), ...(recordedAt.ok ? [] : recordedAt.problems)], ctx.problem);
    return { ...parsed.value, recordedAt: recordedAt.value };
  },
  async validate(rows, ctx) {
    return [
      ...duplicates(rows, (r) => `${r.riskId} ${r.period}`, ctx, 'period', 'vurdering for'),
      ...(await assessmentRowProblems(rows, ctx, new Map())),
    ];
  },
  async write(trx, rows, ctx) {
    const existing = await listAssessments(trx);
    for (const row of rows) {
      // Re-importing an unchanged month adds no noise to the history; a changed one is a new row.
      const latest = existing.filter((a) => a.riskId === row.riskId && a.period === row.period).at(-1);
      if (latest && sameAssessment(latest, row)) continue;
      await insertAssessment(trx, row, { ...stampOf(ctx), source: 'import', recordedAt: row.recordedAt });
    }
  },
});

// ---------- the full register (export read back) ----------

interface RegisterRow {
  risk: Risk;
  assessment: (AssessmentInput & { source: AssessmentSource; recordedAt: string; recordedBy: string }) | null;
}

const SOURCES: readonly AssessmentSource[] = ['form', 'api', 'import', 'roll-forward'];

export const riskRegisterImporter = defineTableImporter<RegisterRow>({
  kind: 'risk-register',
  label: 'Risikoregister (full eksport)',
  description: 'The full-history export (CSV or XLSX) read back: risks and every assessment, one row per assessment.',
  columns: REGISTER_COLUMNS.map((name) => ({ name, required: ['risk_id', 'title', 'opened'].includes(name) })),
  parseRow(record, ctx) {
    const v = record.values;
    const risk = parseRiskFields({ ...v, id: v.risk_id });
    if (!risk.ok)
      return reportAll(
        risk.problems.map((p) => (p.field === 'id' ? { ...p, field: 'risk_id' } : p)),
        ctx.problem,
      );
    if ((v.period ?? '') === '') return { risk: risk.value, assessment: null };
    const a = parseAssessmentFields(v, { ...assessmentDefaults(ctx), riskId: risk.value.id });
    if (!a.ok) return reportAll(a.problems, ctx.problem);
    const recordedAt = parseRecordedAt(v, ctx.now);
    if (!recordedAt.ok) return reportAll(recordedAt.problems, ctx.problem);
    const source = SOURCES.find((s) => s === v.source) ?? 'import';
    return { risk: risk.value, assessment: { ...a.value, source, recordedAt: recordedAt.value, recordedBy: v.recorded_by || '' } };
  },
  async validate(rows, ctx) {
    const out: Problem[] = [];
    const fileRisks = new Map<string, { line: number; risk: Risk }>();
    for (const { line, row } of rows) {
      const first = fileRisks.get(row.risk.id);
      if (!first) fileRisks.set(row.risk.id, { line, risk: row.risk });
      else if (JSON.stringify(first.risk) !== JSON.stringify(row.risk)) {
        out.push(
          rowProblem(
            ctx,
            line,
            'risk_id',
            `risikoen ${row.risk.id} har andre felt enn på linje ${first.line}`,
            `risk fields differ from line ${first.line}`,
          ),
        );
      }
    }
    const riskRows = [...fileRisks.values()].map((f) => ({ line: f.line, row: f.risk }));
    out.push(...(await datesCoverAssessments(riskRows, ctx, 'risk_id')));
    const assessed = rows.flatMap(({ line, row }) => (row.assessment ? [{ line, row: row.assessment }] : []));
    out.push(...(await assessmentRowProblems(assessed, ctx, new Map([...fileRisks].map(([id, f]) => [id, f.risk])))));
    return out;
  },
  async write(trx, rows, ctx) {
    const stamp = stampOf(ctx);
    const risks = new Map(rows.map((r) => [r.risk.id, r.risk]));
    await upsertRisks(trx, [...risks.values()], stamp);
    const existing = await listAssessments(trx);
    for (const { assessment: a } of rows) {
      if (!a) continue;
      const twin = existing.some(
        (b) => b.riskId === a.riskId && b.period === a.period && b.recordedAt === a.recordedAt && sameAssessment(a, b),
      );
      if (twin) continue;
      await insertAssessment(trx, a, { ...stamp, by: a.recordedBy || stamp.by, source: a.source, recordedAt: a.recordedAt });
    }
  },
});

export const riskImporters = [risksImporter, riskAssessmentsImporter, riskRegisterImporter];
