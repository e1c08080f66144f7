/** The `time-records` file: employee_id;start;end;kind;cause;registered_at (working-time spec §1). */

import type { ColumnSpec, TableRecord } from '../imports/table.ts';
import type { RowContext } from '../imports/table-importer.ts';
import { parseLocalOrInstant } from '../shared/period.ts';
import { RECORD_KINDS, type RecordKind } from './aml-model.ts';
import { optionalText, requiredText } from './fields.ts';

export const TIME_RECORD_COLUMNS: ColumnSpec[] = [
  { name: 'employee_id' },
  { name: 'start' },
  { name: 'end' },
  { name: 'kind' },
  { name: 'cause', required: false },
  { name: 'registered_at', required: false },
];

export interface TimeRecordRow {
  employeeId: string;
  startMs: number;
  endMs: number;
  kind: RecordKind;
  cause: string | null;
  registeredMs: number;
}

const TIME_PROBLEMS = {
  invalid: [
    'ugyldig tidspunkt «%», forventet ÅÅÅÅ-MM-DDTHH:MM (lokal tid) eller ISO med tidssone',
    'invalid time "%", expected YYYY-MM-DDTHH:MM (local) or ISO with offset',
  ],
  nonexistent: [
    'tidspunktet «%» finnes ikke i norsk tid (overgang til sommertid)',
    'the local time "%" does not exist (spring DST change)',
  ],
  ambiguous: [
    'tidspunktet «%» er tvetydig (overgang til vintertid); oppgi tidssone, f.eks. +02:00 eller +01:00',
    'the local time "%" is ambiguous (autumn DST change); give an offset such as +02:00 or +01:00',
  ],
} as const;

/** A local Europe/Oslo time or an instant with offset; problems for invalid, nonexistent, ambiguous. */
export function instantField(value: string | undefined, column: string, ctx: RowContext): number | undefined {
  const v = (value ?? '').trim();
  if (v === '') {
    ctx.problem(column, `«${column}» mangler`, `"${column}" is missing`);
    return undefined;
  }
  const parsed = parseLocalOrInstant(v);
  if (parsed.ok) return parsed.epochMs;
  const [no, en] = TIME_PROBLEMS[parsed.problem];
  ctx.problem(column, no.replace('%', v), en.replace('%', v));
  return undefined;
}

export function kindField(value: string | undefined, ctx: RowContext): RecordKind | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if ((RECORD_KINDS as readonly string[]).includes(v)) return v as RecordKind;
  ctx.problem(
    'kind',
    `ukjent type «${value ?? ''}», forventet ordinary, overtime eller callout`,
    `unknown kind "${value ?? ''}", expected ordinary, overtime or callout`,
  );
  return undefined;
}

export function parseTimeRecordRow(record: TableRecord, ctx: RowContext): TimeRecordRow | undefined {
  const r = record.values;
  const employeeId = requiredText(r.employee_id, 'employee_id', ctx);
  const startMs = instantField(r.start, 'start', ctx);
  const endMs = instantField(r.end, 'end', ctx);
  const kind = kindField(r.kind, ctx);
  const registeredMs = optionalText(r.registered_at) === null ? Date.parse(ctx.now) : instantField(r.registered_at, 'registered_at', ctx);
  if (employeeId === undefined || startMs === undefined || endMs === undefined || kind === undefined || registeredMs === undefined) {
    return undefined;
  }
  if (endMs <= startMs) {
    ctx.problem('end', `slutt (${r.end}) er ikke etter start (${r.start})`, `end (${r.end}) is not after start (${r.start})`);
    return undefined;
  }
  return { employeeId, startMs, endMs, kind, cause: optionalText(r.cause), registeredMs };
}

/** The idempotency key of a record (see TimeRecordTable.record_key). */
export function recordKey(r: Pick<TimeRecordRow, 'employeeId' | 'startMs' | 'endMs' | 'kind' | 'cause'>): string {
  return `${r.employeeId}|${r.startMs}|${r.endMs}|${r.kind}|${r.cause ?? ''}`;
}
