import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { type Importer, runImport, sourceFromPath } from '../imports/imports.ts';
import { monthBoundsMs } from '../shared/period.ts';
import { monthAvailability } from './availability/availability.figures.ts';
import { outagesImporter, serviceHoursImporter } from './availability/availability.import.ts';
import { monthCallMetrics } from './calls/calls.figures.ts';
import { callsImporter } from './calls/calls.import.ts';
import { callMetrics, callsInMonth } from './calls/calls.ts';
import { createQueueLogImporter, queueLogImporter } from './calls/queue-log.import.ts';
import { callsFromQueueLog } from './calls/queue-log.ts';
import { complaintsImporter } from './complaints/complaints.import.ts';
import { findComplaints } from './complaints/complaints.queries.ts';
import { DEFAULT_SERVICE_SETTINGS as settings } from './service-settings.ts';
import { volumesImporter } from './volumes/volumes.import.ts';
import { findVolumes } from './volumes/volumes.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'service-import-'));
let n = 0;
function file(text: string, ext = 'csv'): string {
  const path = join(dir, `f${++n}.${ext}`);
  writeFileSync(path, text);
  return path;
}
const T0 = Date.UTC(2025, 4, 12, 8, 0, 0) / 1000;
const L = (t: number, rest: string) => `${T0 + t}|${rest}`;

describeEachDialect('service imports', (ctx) => {
  const run = (importer: Importer, path: string) => runImport(ctx.db, importer, sourceFromPath(path), { now: '2025-06-01T00:00:00Z' });

  it('imports a messy queue_log, counting and showing what it skipped', async () => {
    const r = await run(
      queueLogImporter,
      file(
        [
          L(0, 'NONE|NONE|NONE|QUEUESTART||||'),
          '',
          L(5, 'c1|Servicedesk|SIP/1|CONNECT|5|c1.1|2'),
          L(0, 'c1|Servicedesk|NONE|ENTERQUEUE||4790|1'),
          L(0, 'c1|Servicedesk|NONE|ENTERQUEUE||4790|1'),
          L(1, 'c2|Servicedesk|NONE|ENTERQUEUE||4791|1'),
          L(41, 'c2|Servicedesk|NONE|ABANDON|1|1|40'),
          L(2, 'c3|Servicedesk|NONE|DID|22000000'),
          L(9, 'orphan|Servicedesk|NONE|ABANDON|1|1|9'),
          'not a queue_log line',
          '',
        ].join('\n'),
        'log',
      ),
    );
    expect(r.status).toBe('succeeded');
    expect(r.problems.map((p) => [p.line ?? null, p.severity])).toEqual([
      [10, 'warning'],
      [null, 'warning'],
    ]);
    expect(r.problems[1]?.message).toBe(
      '10 linjer lest; hoppet over 1 tomme, 1 uleselige, 1 uten samtale-ID (NONE) og 1 andre hendelser; 1 samtaler har utfall uten ENTERQUEUE og telles ikke',
    );
    const m = await monthCallMetrics(ctx.db, { period: '2025-05', settings });
    expect(m).toMatchObject({ offered: 2, answered: 1, abandoned: 1, serviceLevel: 50, averageSpeedOfAnswer: 5, abandonRate: 50 });
  });

  it('does not count a second, overlapping file twice, and rejects the same file again', async () => {
    const text = [L(100, 'c4|Servicedesk|NONE|ENTERQUEUE||1|1'), L(120, 'c4|Servicedesk|SIP/1|CONNECT|20|x|1')].join('\n');
    const overlap = [L(0, 'c1|Servicedesk|NONE|ENTERQUEUE||4790|1'), L(5, 'c1|Servicedesk|SIP/1|CONNECT|5|c1.1|2'), text].join('\n');
    expect((await run(queueLogImporter, file(overlap, 'log'))).status).toBe('succeeded');
    const again = await run(queueLogImporter, file(overlap, 'log'));
    expect(again.status).toBe('duplicate');
    const m = await monthCallMetrics(ctx.db, { period: '2025-05', settings });
    expect(m).toMatchObject({ offered: 3, answered: 2, averageSpeedOfAnswer: 12.5 });
  });

  it('completes an orphan outcome when a later file brings its ENTERQUEUE', async () => {
    await run(queueLogImporter, file(L(0, 'orphan|Servicedesk|NONE|ENTERQUEUE||1|1'), 'log'));
    const m = await monthCallMetrics(ctx.db, { period: '2025-05', settings });
    expect(m).toMatchObject({ offered: 4, abandoned: 2 });
  });

  it('fails a file that is not a queue_log at all', async () => {
    const r = await run(queueLogImporter, file('started_at;direction\n2025-05-01;in\n', 'log'));
    expect(r.status).toBe('failed');
    expect(r.problems[0]?.message).toContain('ser ikke ut som en queue_log');
  });

  it('imports the calls CSV (inbound and outbound) and merges an overlapping file', async () => {
    const csv =
      'started_at;direction;queue;answered;wait_seconds;talk_seconds\n2025-05-20T10:00;out;Servicedesk;ja;0;120\n2025-05-20T10:05;in;Sentralbord;ja;8;60\n';
    expect((await run(callsImporter, file(csv))).status).toBe('succeeded');
    expect((await run(callsImporter, file(`${csv}2025-05-20T11:00:00+02:00;out;Servicedesk;nei;0;0\n`))).status).toBe('succeeded');
    expect((await monthCallMetrics(ctx.db, { period: '2025-05', settings })).outbound).toBe(2);
    expect(await monthCallMetrics(ctx.db, { period: '2025-05', queue: 'Sentralbord', settings })).toMatchObject({
      offered: 1,
      answered: 1,
    });
  });

  it('rejects a bad calls CSV whole, naming line and field', async () => {
    const r = await run(
      callsImporter,
      file('started_at;direction;queue;answered;wait_seconds\n2025-05-20T10:00;in;Q;ja;7\n2025-05-20;sideways;Q;ja;x\n'),
    );
    expect(r.status).toBe('failed');
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'direction'],
      [3, 'wait_seconds'],
    ]);
    expect(await monthCallMetrics(ctx.db, { period: '2025-05', queue: 'Q', settings })).toMatchObject({ offered: 0 });
  });

  it('imports outages and service hours into availability', async () => {
    const hours = 'service;weekday;from;to\n' + [1, 2, 3, 4, 5].map((d) => `Sentralbord;${d};07:00;17:00`).join('\n');
    expect((await run(serviceHoursImporter, file(hours))).status).toBe('succeeded');
    const outages =
      'service;start;end;planned;description\nTelefoni;2025-05-05T10:00;2025-05-05T10:30;nei;Linjebrudd\nSentralbord;2025-05-03T08:00;2025-05-03T09:00;nei;Lørdag\n';
    expect((await run(outagesImporter, file(outages))).status).toBe('succeeded');
    const a = await monthAvailability(ctx.db, '2025-05');
    expect(a.services.map((s) => [s.service, s.agreedMinutes, s.unplannedMinutes, s.unplannedCount])).toEqual([
      ['Sentralbord', 13_200, 0, 0],
      ['Telefoni', 44_640, 30, 1],
    ]);
    expect(a.services[1]?.unplannedOutages[0]?.description).toBe('Linjebrudd');
  });

  it('rejects an outage ending before it starts', async () => {
    const r = await run(outagesImporter, file('service;start;end;planned\nX;2025-05-05T10:00;2025-05-05T09:00;ja\n'));
    expect(r.problems.map((p) => [p.line, p.column, p.message])).toEqual([[2, 'end', 'slutt må være etter start']]);
  });

  it('imports volumes (a later file replaces a month) and complaints', async () => {
    await run(volumesImporter, file('year;month;service;vendor;count\n2025;5;Video;Bliksund;10\n2025;5;Video;SNLA;5\n'));
    await run(volumesImporter, file('year;month;service;vendor;count\n2025;5;Video;SNLA;7\n'));
    const v = await findVolumes(ctx.db, { fromMonth: '2025-05', toMonth: '2025-05' });
    expect(v.map((r) => [r.vendor, r.count])).toEqual([
      ['Bliksund', 10],
      ['SNLA', 7],
    ]);
    const dup = await run(volumesImporter, file('year;month;service;vendor;count\n2025;4;Video;SNLA;1\n2025;4;Video;SNLA;2\n'));
    expect(dup.problems[0]).toMatchObject({ line: 3, column: 'vendor', severity: 'error' });
    await run(complaintsImporter, file('date;customer;category;status;summary\n2025-04-03;Kommune A;Svartid;lukket;Lang ventetid\n'));
    expect(await findComplaints(ctx.db, { fromDate: '2025-04-01', toDate: '2025-04-30' })).toHaveLength(1);
  });
});

describeEachDialect('queue_log import in a worker thread (large files)', (ctx) => {
  const inWorker = createQueueLogImporter({ worker: 'always', batchCalls: 4000 });
  const run = (path: string) => runImport(ctx.db, inWorker, sourceFromPath(path), { now: '2025-06-01T00:00:00Z' });

  it('reads the messy file as the reader in this thread does', async () => {
    const r = await run(
      file(
        [
          L(0, 'NONE|NONE|NONE|QUEUESTART||||'),
          '',
          L(5, 'w1|WQ|SIP/1|CONNECT|5|w1.1|2'),
          L(0, 'w1|WQ|NONE|ENTERQUEUE||4790|1'),
          'x',
          '',
        ].join('\n'),
        'log',
      ),
    );
    expect(r.status).toBe('succeeded');
    expect(r.problems.map((p) => [p.line ?? null, p.message])).toEqual([
      [5, 'uleselig linje hoppet over (forventet epoke|samtale-ID|kø|agent|hendelse|data…)'],
      [
        null,
        '5 linjer lest; hoppet over 1 tomme, 1 uleselige, 1 uten samtale-ID (NONE) og 0 andre hendelser; 0 samtaler har utfall uten ENTERQUEUE og telles ikke',
      ],
    ]);
    expect(await monthCallMetrics(ctx.db, { period: '2025-05', queue: 'WQ', settings })).toMatchObject({ offered: 1, answered: 1 });
  });

  it('fails the import, writing nothing, when the worker cannot read the file', async () => {
    const r = await run(mkdtempSync(join(dir, 'not-a-file-')));
    expect(r.status).toBe('failed');
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^importen feilet: queue_log-leseren feilet: EISDIR/)]);
  });

  it('writes batch after batch to the same calls as read in memory, and finds the same file again as a duplicate', async () => {
    // 20 000 calls (five batches or more), some outcomes far from their entry (a call split over batches), some lines repeated.
    const lines: string[] = [];
    const late: string[] = [];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const id = `b${i}`;
      const t = i * 120;
      const wait = rnd(60);
      const outcome = rnd(10) === 0 ? L(t + wait, `${id}|BQ|NONE|ABANDON|1|1|${wait}`) : L(t + wait, `${id}|BQ|SIP/1|CONNECT|${wait}|x|1`);
      lines.push(L(t, `${id}|BQ|NONE|ENTERQUEUE||1|1`));
      if (rnd(100) === 0) late.push(outcome);
      else if (rnd(7) !== 0) lines.push(outcome);
      if (rnd(50) === 0) lines.push(outcome);
    }
    const all = [...late, ...lines, ...late];
    const path = file(`${all.join('\n')}\n`, 'log');
    const r = await run(path);
    expect(r.status).toBe('succeeded');
    const expected = callsFromQueueLog(all).calls;
    for (const period of ['2025-05', '2025-06'] as const) {
      const want = callMetrics(callsInMonth(expected, monthBoundsMs(period), 'BQ'), settings);
      expect(want.offered).toBeGreaterThan(5_000);
      expect(await monthCallMetrics(ctx.db, { period, queue: 'BQ', settings })).toEqual({ period, queue: 'BQ', ...want });
    }
    expect((await run(path)).status).toBe('duplicate');
  });
});
