import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../../imports/imports.ts';
import { parseLocalOrInstant } from '../../shared/period.ts';
import { evaluateAml } from '../aml/aml.service.ts';
import { at } from '../aml/aml.testing.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { dispensationsImporter, timeRecordsImporter } from './time-records.import.ts';
import { fastInstant, parseTimeRecordRow } from './time-records.parse.ts';

const dir = mkdtempSync(join(tmpdir(), 'time-records-'));
let n = 0;
function file(text: string, name = 'timer'): string {
  const path = join(dir, `${name}-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

const HEAD = 'employee_id;start;end;kind;cause;registered_at\n';
const MAY = { from: '2025-05-01', to: '2025-05-31' };

describeEachDialect('time-records and dispensations import', (ctx) => {
  it('needs the employees first', async () => {
    const employees = file(
      'employee_id;name;position_fraction;valid_from;valid_to;exempt;unit\nA1;;1;2024-01-01;;0;Drift\nA2;;1;2024-01-01;;1;Drift\n',
    );
    expect((await runImport(ctx.db, employeesImporter, sourceFromPath(employees))).status).toBe('succeeded');
    const result = await runImport(
      ctx.db,
      timeRecordsImporter,
      sourceFromPath(file(`${HEAD}ZZ;2025-05-05T08:00;2025-05-05T16:00;ordinary;;\n`)),
    );
    expect(result.status).toBe('failed');
    expect(result.problems).toMatchObject([{ line: 2, column: 'employee_id', messageEn: expect.stringContaining('unknown employee') }]);
  });

  it('rejects end ≤ start, nonexistent and ambiguous DST times and unknown kinds, naming line and column', async () => {
    const text =
      HEAD +
      'A1;2025-05-05T16:00;2025-05-05T08:00;ordinary;;\n' +
      'A1;2025-03-30T02:30;2025-03-30T08:00;ordinary;;\n' +
      'A1;2025-10-26T01:00;2025-10-26T02:30;callout;on-call;\n' +
      'A1;2025-05-05T08:00;2025-05-05T16:00;vakt;;\n' +
      'A1;2025-05-05T08:00;2025-05-05T16:00;ordinary;;igår\n';
    const result = await runImport(ctx.db, timeRecordsImporter, sourceFromPath(file(text)));
    expect(result.status).toBe('failed');
    expect(result.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:end', '3:start', '4:end', '5:kind', '6:registered_at']);
    expect(result.problems[1]!.message).toContain('sommertid');
    expect(result.problems[2]!.message).toContain('tvetydig');
  });

  it('accepts the ambiguous hour with an explicit offset', async () => {
    const text = `${HEAD}A1;2025-10-26T02:30+02:00;2025-10-26T02:45+01:00;callout;on-call;2025-10-27T08:00Z\n`;
    const result = await runImport(ctx.db, timeRecordsImporter, sourceFromPath(file(text)));
    expect(result.status).toBe('succeeded');
    const stored = await ctx.db.selectFrom('time_records').selectAll().where('employee_id', '=', 'A1').execute();
    expect(stored.map((r) => Number(r.end_ms) - Number(r.start_ms))).toEqual([75 * 60_000]);
  });

  it('re-importing a newer export of the same period doubles nothing and keeps the earliest registration', async () => {
    const first = `${HEAD}A1;2025-05-05T15:00;2025-05-05T23:00;ordinary;;2025-05-06T08:00\nA1;2025-05-06T07:00;2025-05-06T15:00;ordinary;;2025-05-07T08:00\n`;
    expect((await runImport(ctx.db, timeRecordsImporter, sourceFromPath(file(first)), { now: '2025-06-01T00:00:00Z' })).status).toBe(
      'succeeded',
    );
    // The newer export repeats both records (one without registered_at), overlaps one and adds one.
    const newer =
      HEAD +
      'A1;2025-05-05T15:00;2025-05-05T23:00;ordinary;;\n' +
      'A1;2025-05-06T07:00;2025-05-06T15:00;ordinary;;2025-05-07T08:00\n' +
      'A1;2025-05-06T07:00;2025-05-06T12:00;ordinary;;2025-05-07T08:00\n' +
      'A1;2025-05-07T15:00;2025-05-07T23:30;overtime;patching;2025-06-20T08:00\n' +
      'A1;2025-05-08T07:00;2025-05-08T15:00;ordinary;;2025-05-09T08:00\n';
    const result = await runImport(ctx.db, timeRecordsImporter, sourceFromPath(file(newer)), { now: '2025-07-01T00:00:00Z' });
    expect(result.status).toBe('succeeded');
    const rows = await ctx.db
      .selectFrom('time_records')
      .select(['start_ms', 'registered_ms'])
      .where('employee_id', '=', 'A1')
      .orderBy('start_ms')
      .execute();
    expect(rows).toHaveLength(6);
    expect(Number(rows[0]!.registered_ms)).toBe(at('2025-05-06T08:00'));
    const [may, june] = await evaluateAml(ctx.db, [MAY, { ...MAY, knownAt: at('2025-06-05T23:59') }]);
    expect(may!.map((b) => `${b.rule}@${b.date}`)).toEqual(['rest24@2025-05-06', 'rest24@2025-05-08']);
    expect(june!.map((b) => `${b.rule}@${b.date}`)).toEqual(['rest24@2025-05-06']);
  });

  it('does not evaluate exempt employees', async () => {
    const text = `${HEAD}A2;2025-05-12T15:00;2025-05-12T23:00;ordinary;;\nA2;2025-05-13T07:00;2025-05-13T15:00;ordinary;;\n`;
    expect((await runImport(ctx.db, timeRecordsImporter, sourceFromPath(file(text)))).status).toBe('succeeded');
    const [may] = await evaluateAml(ctx.db, [MAY]);
    expect(may!.every((b) => b.employeeId === 'A1')).toBe(true);
  });

  it('imports dispensations (idempotently) and the engine applies them', async () => {
    const text = 'employee_id;type;valid_from;valid_to\nA1;rest;2025-05-01;2025-05-06\nA1;sundays;2025-01-01;\n';
    expect((await runImport(ctx.db, dispensationsImporter, sourceFromPath(file(text, 'disp')))).status).toBe('succeeded');
    expect(
      (await runImport(ctx.db, dispensationsImporter, sourceFromPath(file(`${text}A1;rest;2025-05-01;2025-05-06\n`, 'disp')))).status,
    ).toBe('succeeded');
    expect(await ctx.db.selectFrom('dispensations').selectAll().execute()).toHaveLength(2);
    const [may] = await evaluateAml(ctx.db, [MAY]);
    expect(may!.map((b) => `${b.rule}@${b.date}`)).toEqual(['rest24@2025-05-08']);
  });

  it('rejects bad dispensation rows', async () => {
    const text = 'employee_id;type;valid_from;valid_to\nA1;ferie;2025-05-01;\nA1;rest;2025-05-01;2025-04-01\n';
    const result = await runImport(ctx.db, dispensationsImporter, sourceFromPath(file(text, 'disp')));
    expect(result.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:type', '3:valid_to']);
  });
});

describe('fastInstant (the Temporal-free path of the time-records import)', () => {
  it('agrees with parseLocalOrInstant on ordinary days and offsets, and defers DST days and bad input', () => {
    for (const t of [
      '2025-05-05T08:00',
      '2025-05-05 23:59',
      '2025-01-01T00:00:30',
      '2025-05-05T08:00:00Z',
      '2025-10-26T02:30+02:00',
      '2024-02-29T12:00',
    ]) {
      const slow = parseLocalOrInstant(t);
      expect(slow.ok && fastInstant(t) === slow.epochMs).toBe(true);
    }
    for (const t of ['2025-03-30T08:00', '2025-10-26T02:30', '2025-02-30T08:00', '2025-05-05T24:00', '2025-02-30T08:00Z', 'i går']) {
      expect(fastInstant(t)).toBeUndefined();
    }
  });
});

describe('parseTimeRecordRow: sane values', () => {
  const parse = (start: string, end: string) => {
    const problems: { column: string; message: string; severity: string }[] = [];
    const ctx = {
      file: 'tid.csv',
      line: 7,
      now: '2025-06-01T00:00:00.000Z',
      problem: (column: string, message: string, _en: string, severity = 'error') => problems.push({ column, message, severity }),
    };
    const row = parseTimeRecordRow({ values: { employee_id: 'E1', start, end, kind: 'ordinary' } } as never, ctx);
    return { row, problems };
  };

  it('refuses a year-9999 time with the reason instead of a RangeError', () => {
    const { row, problems } = parse('9999-01-01T08:00', '9999-01-01T16:00');
    expect(row).toBeUndefined();
    expect(problems).toEqual([
      { column: 'start', message: 'ugyldig tidspunkt «9999-01-01»: året må være mellom 2000 og 2100', severity: 'error' },
      { column: 'end', message: 'ugyldig tidspunkt «9999-01-01»: året må være mellom 2000 og 2100', severity: 'error' },
    ]);
  });

  it('warns on a record longer than 24 hours, and imports it', () => {
    const { row, problems } = parse('2025-05-01T08:00', '2025-05-02T10:00');
    expect(row).toBeDefined();
    expect(problems).toEqual([
      { column: 'end', message: 'registreringen varer 26 timer, mer enn et døgn: kontroller start og slutt', severity: 'warning' },
    ]);
    expect(parse('2025-05-01T08:00', '2025-05-01T20:00').problems).toEqual([]);
  });
});
