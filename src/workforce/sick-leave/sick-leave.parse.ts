/** The `absences` file: `employee_id;from;to;grade;type;registered_at`, one sick-leave record a row. */
import { problem } from '../../imports/decode.ts';
import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import type { Problem } from '../../shared/errors.ts';
import { parseLocalOrInstant } from '../../shared/period.ts';
import { dateField, requiredText } from '../fields.ts';
import type { Absence, AbsenceType, PositionPeriod } from './sick-leave.ts';
import { dateOfDay, dayNumber } from './sick-leave-calendar.ts';

export const ABSENCE_COLUMNS: ColumnSpec[] = [
  { name: 'employee_id' },
  { name: 'from' },
  { name: 'to' },
  { name: 'grade', required: false },
  { name: 'type' },
  { name: 'registered_at', required: false },
];

export const MIN_GRADE = 0.2;
export const MAX_GRADE = 1;

/** Empty = 1.0 (a full sick leave). "0,5", "0.5"; 0.2–1.0. Percent values ("50") are rejected, not guessed. */
export function parseGrade(value: string | undefined, ctx: RowContext): number | undefined {
  const v = (value ?? '').trim();
  if (v === '') return 1;
  if (!/^\d+(?:[.,]\d+)?$/.test(v)) {
    ctx.problem('grade', `ugyldig sykmeldingsgrad «${v}», forventet et tall fra 0,2 til 1`, `invalid grade "${v}", expected 0.2–1.0`);
    return undefined;
  }
  const n = Number(v.replace(',', '.'));
  if (n < MIN_GRADE || n > MAX_GRADE) {
    ctx.problem('grade', `sykmeldingsgrad ${v} er utenfor 0,2–1 (skriv 0,5, ikke 50)`, `grade ${v} outside 0.2–1.0 (write 0.5, not 50)`);
    return undefined;
  }
  return n;
}

const TYPES: Record<string, AbsenceType> = { self: 'self', doctor: 'doctor' };

export function parseType(value: string | undefined, ctx: RowContext): AbsenceType | undefined {
  const v = (value ?? '').trim().toLowerCase();
  const t = TYPES[v];
  if (!t) {
    ctx.problem(
      'type',
      `ukjent fraværstype «${value ?? ''}», forventet self (egenmelding) eller doctor (sykmelding)`,
      `unknown absence type "${value ?? ''}", expected self or doctor`,
    );
  }
  return t;
}

/** An ISO instant, or local Europe/Oslo wall time; empty = the import's clock. Stored as UTC ISO. */
export function parseRegisteredAt(value: string | undefined, ctx: RowContext): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') return ctx.now;
  const parsed = parseLocalOrInstant(v);
  if (parsed.ok) return new Date(parsed.epochMs).toISOString();
  const why = {
    invalid: ['forventet et tidspunkt som 2025-05-12T08:30:00+02:00', 'expected an instant like 2025-05-12T08:30:00+02:00'],
    nonexistent: ['tidspunktet finnes ikke (sommertid)', 'the local time does not exist'],
    ambiguous: ['tidspunktet er tvetydig (vintertid); oppgi UTC-forskyvning', 'the local time is ambiguous (DST end); give an offset'],
  }[parsed.problem];
  ctx.problem('registered_at', `ugyldig registered_at «${v}»: ${why[0]}`, `invalid registered_at "${v}": ${why[1]}`);
  return undefined;
}

export function parseAbsenceRow(record: TableRecord, ctx: RowContext): Absence | undefined {
  const r = record.values;
  const employeeId = requiredText(r.employee_id, 'employee_id', ctx);
  const from = dateField(r.from, 'from', ctx);
  const to = dateField(r.to, 'to', ctx);
  const grade = parseGrade(r.grade, ctx);
  const type = parseType(r.type, ctx);
  const registeredAt = parseRegisteredAt(r.registered_at, ctx);
  if (
    employeeId === undefined ||
    from === undefined ||
    to === undefined ||
    grade === undefined ||
    type === undefined ||
    registeredAt === undefined
  ) {
    return undefined;
  }
  if (to < from) {
    ctx.problem('to', `to ${to} er før from ${from}`, `to ${to} is before from ${from}`);
    return undefined;
  }
  if (type === 'self' && grade !== 1) {
    ctx.problem(
      'grade',
      `egenmelding er alltid 100 % (grad 1), ikke ${r.grade}`,
      `a self-certified absence is always grade 1.0, not ${r.grade}`,
    );
    return undefined;
  }
  return { employeeId, from, to, grade, type, registeredAt };
}

/** The first date of [from, to] not covered by any position period, or undefined when all are. */
export function firstDateOutside(positions: readonly PositionPeriod[], from: string, to: string): string | undefined {
  const ranges = positions
    .map((p) => ({ from: dayNumber(p.from), to: p.to === null ? Number.POSITIVE_INFINITY : dayNumber(p.to) }))
    .sort((a, b) => a.from - b.from);
  let day = dayNumber(from);
  const end = dayNumber(to);
  for (const r of ranges) {
    if (r.from > day) break;
    if (r.to >= day) day = r.to + 1;
    if (day > end) return undefined;
  }
  return dateOfDay(day);
}

/** Unknown employees and absences (partly) outside the employment. */
export function checkAgainstEmployees(
  file: string,
  rows: readonly { line: number; row: Absence }[],
  employees: ReadonlyMap<string, readonly PositionPeriod[]>,
): Problem[] {
  const problems: Problem[] = [];
  for (const { line, row } of rows) {
    const positions = employees.get(row.employeeId);
    if (!positions) {
      problems.push(
        problem(
          file,
          `ukjent ansatt «${row.employeeId}» (importer ansatte først)`,
          `unknown employee "${row.employeeId}" (import employees first)`,
          { line, column: 'employee_id' },
        ),
      );
      continue;
    }
    const outside = firstDateOutside(positions, row.from, row.to);
    if (outside !== undefined) {
      problems.push(
        problem(
          file,
          `fraværet ${row.from}–${row.to} ligger utenfor ansettelsen til ${row.employeeId} (${outside} er ikke dekket)`,
          `absence ${row.from}–${row.to} lies outside the employment of ${row.employeeId} (${outside} is not covered)`,
          { line, column: outside === row.from ? 'from' : 'to' },
        ),
      );
    }
  }
  return problems;
}
