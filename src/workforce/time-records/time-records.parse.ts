/** The `time-records` file: employee_id;start;end;kind;cause;registered_at (working-time spec §1). */

import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import { parseLocalOrInstant, yearRangeProblem } from '../../shared/period.ts';
import { RECORD_KINDS, type RecordKind } from '../aml/aml-model.ts';
import { DAY_MS, dayStartMs } from '../aml/rules/aml-time.ts';
import { optionalText, requiredText } from '../fields.ts';

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

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|z|[+-]\d{2}:\d{2})$/;

function realDate(y: string, m: string, d: string): number | undefined {
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  return back.getUTCMonth() === Number(m) - 1 && back.getUTCDate() === Number(d) ? ms : undefined;
}

/**
 * The common cases without Temporal (an export has millions of them): a local time on a day without
 * a DST change, or an ISO instant with an offset. Anything else goes through parseLocalOrInstant.
 */
export function fastInstant(v: string): number | undefined {
  const local = LOCAL.exec(v);
  if (local) {
    const [, y, mo, d, hh, mm, ss] = local as unknown as string[];
    const utc = realDate(y!, mo!, d!);
    if (utc === undefined || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return undefined;
    const dn = Math.round(utc / DAY_MS);
    const start = dayStartMs(dn);
    if (dayStartMs(dn + 1) - start !== DAY_MS) return undefined;
    return start + ((Number(hh) * 60 + Number(mm)) * 60 + Number(ss ?? 0)) * 1000;
  }
  const offset = WITH_OFFSET.exec(v);
  if (offset && realDate(offset[1]!, offset[2]!, offset[3]!) !== undefined) {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** A local Europe/Oslo time or an instant with offset; problems for invalid, nonexistent, ambiguous. */
export function instantField(value: string | undefined, column: string, ctx: RowContext): number | undefined {
  const v = (value ?? '').trim();
  if (v === '') {
    ctx.problem(column, `«${column}» mangler`, `"${column}" is missing`);
    return undefined;
  }
  const range = yearRangeProblem(v.slice(0, 10));
  if (range) {
    ctx.problem(column, `ugyldig tidspunkt ${range}`, `time "${v}" is outside the accepted years`);
    return undefined;
  }
  const fast = fastInstant(v);
  if (fast !== undefined) return fast;
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
  if (endMs - startMs > MAX_RECORD_MS) {
    const hours = Math.round((endMs - startMs) / 3_600_000);
    ctx.problem(
      'end',
      `registreringen varer ${hours} timer, mer enn et døgn: kontroller start og slutt`,
      `the record lasts ${hours} hours, more than a day`,
      'warning',
    );
  }
  return { employeeId, startMs, endMs, kind, cause: optionalText(r.cause), registeredMs };
}

/** Longer than this is almost always a typo (a wrong date); it is imported, with a warning. */
const MAX_RECORD_MS = 24 * 3_600_000;

/** The idempotency key of a record (see TimeRecordTable.record_key). */
export function recordKey(r: Pick<TimeRecordRow, 'employeeId' | 'startMs' | 'endMs' | 'kind' | 'cause'>): string {
  return `${r.employeeId}|${r.startMs}|${r.endMs}|${r.kind}|${r.cause ?? ''}`;
}
