/**
 * Export of the register: the full history (one row per assessment ever recorded, superseded and
 * draft rows included, plus one row for each never-assessed risk) and the current view (one row per
 * risk with the assessment in force for a period). Every column is exported, not just the visible
 * ones; the full-history file imports back through the `risk-register` importer unchanged.
 */
import type { YearMonth } from '../shared/period.ts';
import { neutraliseFormula, safeCell } from '../shared/spreadsheet.ts';
import type { Db } from '../storage/db.ts';
import { listAllRevisions, listAssessments, listRisks, loadRiskMatrix, registerForPeriod } from './risk.queries.ts';
import { type Assessment, compareAssessments, compareRiskIds, type Risk } from './risk.ts';
import { levelRangeText, type RiskMatrix, riskLevel, riskScore } from './risk-level.ts';

export type Cell = string | number | null;

export interface ExportTable {
  /** Sheet name in XLSX. */
  name: string;
  columns: string[];
  rows: Cell[][];
}

/** Columns of the full-history export; the `risk-register` importer reads the same names. */
export const REGISTER_COLUMNS = [
  'risk_id',
  'title',
  'description',
  'owner',
  'category',
  'scope',
  'opened',
  'closed',
  'period',
  'probability',
  'consequence',
  'score',
  'level',
  'status_text',
  'assessed_by',
  'assessed_at',
  'state',
  'superseded',
  'source',
  'recorded_at',
  'recorded_by',
] as const;

const riskCells = (r: Risk): Cell[] => [r.id, r.title, r.description, r.owner, r.category, r.scope, r.opened, r.closed];

/** Full history: every assessment row, oldest first per risk; `superseded` = 1 when a later row replaced it. */
export function registerHistoryTable(risks: readonly Risk[], assessments: readonly Assessment[], matrix: RiskMatrix): ExportTable {
  const rows: Cell[][] = [];
  for (const risk of [...risks].sort((a, b) => compareRiskIds(a.id, b.id))) {
    const own = assessments.filter((a) => a.riskId === risk.id).sort(compareAssessments);
    if (own.length === 0) rows.push([...riskCells(risk), ...Array<Cell>(REGISTER_COLUMNS.length - 8).fill(null)]);
    own.forEach((a, i) => {
      const score = riskScore(a.probability, a.consequence);
      const superseded = own.slice(i + 1).some((b) => b.period === a.period);
      rows.push([
        ...riskCells(risk),
        a.period,
        a.probability,
        a.consequence,
        score,
        riskLevel(score, matrix).label,
        a.statusText,
        a.assessedBy,
        a.assessedAt,
        a.state,
        superseded ? 1 : 0,
        a.source,
        a.recordedAt,
        a.recordedBy,
      ]);
    });
  }
  return { name: 'Register', columns: [...REGISTER_COLUMNS], rows };
}

const MOVEMENT_TEXT = { up: 'opp', down: 'ned', same: 'uendret', new: 'ny', closed: 'lukket' } as const;

/** One row per risk with the assessment in force for `period` (carried forward when not reassessed). */
export async function currentViewTable(db: Db, period: YearMonth, knownAt?: string): Promise<ExportTable> {
  const { entries } = await registerForPeriod(db, { period, knownAt });
  const columns = [
    'id',
    'title',
    'description',
    'owner',
    'category',
    'scope',
    'opened',
    'closed',
    'open',
    'assessment_period',
    'carried_forward',
    'probability',
    'consequence',
    'score',
    'level',
    'status_text',
    'assessed_by',
    'assessed_at',
    'state',
    'movement',
    'score_change',
  ];
  const rows = entries.map((e): Cell[] => {
    const a = e.assessment;
    return [
      ...riskCells(e.risk),
      e.open ? 1 : 0,
      a?.period ?? null,
      a ? (e.carriedForward ? 1 : 0) : null,
      a?.probability ?? null,
      a?.consequence ?? null,
      e.score,
      e.level?.label ?? null,
      a?.statusText ?? null,
      a?.assessedBy ?? null,
      a?.assessedAt ?? null,
      a?.state ?? null,
      MOVEMENT_TEXT[e.movement.kind],
      e.movement.change,
    ];
  });
  return { name: `Status ${period}`, columns, rows };
}

async function revisionsTable(db: Db): Promise<ExportTable> {
  const revs = await listAllRevisions(db);
  return {
    name: 'Endringslogg',
    columns: [
      'risk_id',
      'revision',
      'change',
      'title',
      'description',
      'owner',
      'category',
      'scope',
      'opened',
      'closed',
      'changed_at',
      'changed_by',
    ],
    rows: revs.map((r) => [
      r.id,
      r.revision,
      r.change,
      r.title,
      r.description,
      r.owner,
      r.category,
      r.scope,
      r.opened,
      r.closed,
      r.changedAt,
      r.changedBy,
    ]),
  };
}

function matrixTable(matrix: RiskMatrix): ExportTable {
  const rows: Cell[][] = matrix.levels.map((l) => [
    'level',
    l.key,
    l.label,
    l.colourName,
    l.colour,
    l.letter,
    l.minScore,
    levelRangeText(l, matrix),
  ]);
  matrix.probabilityLabels.forEach((label, i) => {
    rows.push(['probability', String(i + 1), label, null, null, null, null, null]);
  });
  matrix.consequenceLabels.forEach((label, i) => {
    rows.push(['consequence', String(i + 1), label, null, null, null, null, null]);
  });
  rows.push(['reporting_threshold', null, null, null, null, null, matrix.reportingThreshold, null]);
  rows.push(['axes', matrix.axes, null, null, null, null, null, null]);
  return { name: 'Matrise', columns: ['kind', 'key', 'label', 'colour_name', 'colour', 'letter', 'min_score', 'scores'], rows };
}

export async function fullHistoryTable(db: Db): Promise<ExportTable> {
  const [risks, assessments, matrix] = await Promise.all([listRisks(db), listAssessments(db), loadRiskMatrix(db)]);
  return registerHistoryTable(risks, assessments, matrix);
}

function csvField(v: Cell): string {
  if (v === null) return '';
  const text = String(v);
  // A spreadsheet must never run a status text as a formula; the importers strip this quote again.
  const s = typeof v === 'string' ? neutraliseFormula(text) : text;
  return /[;"\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * `;`-separated UTF-8 with BOM (what Norwegian Excel opens cleanly), CRLF line ends; text starting
 * with `=`, `+`, `-`, `@` gets a leading `'` (as web/table-export.ts does).
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns, ...table.rows].map((r) => r.map(csvField).join(';'));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  // exceljs loads only when a workbook is made, not with every command.
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Styrerom';
  for (const t of tables) {
    const sheet = wb.addWorksheet(t.name.slice(0, 31));
    sheet.addRow(t.columns.map(neutraliseFormula)).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row.map(safeCell));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    t.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, c.length + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The full register as one CSV (the history sheet). */
export async function exportRegisterCsv(db: Db): Promise<string> {
  return toCsv(await fullHistoryTable(db));
}

/** The full register as XLSX: history first (importable), then status for `period`, change log and matrix. */
export async function exportRegisterXlsx(db: Db, options: { period?: YearMonth } = {}): Promise<Buffer> {
  const tables = [await fullHistoryTable(db)];
  if (options.period) tables.push(await currentViewTable(db, options.period));
  tables.push(await revisionsTable(db), matrixTable(await loadRiskMatrix(db)));
  return toXlsx(tables);
}
