/**
 * `styrerom import calls <file>`: one row per call (`started_at;direction;queue;answered;
 * wait_seconds;talk_seconds`) for phone systems without queue_log, and for outbound calls. A row's
 * identity is its content (plus its rank among identical rows), so re-importing an overlapping file
 * merges instead of counting twice.
 */
import { defineTableImporter } from '../../imports/table-importer.ts';
import { flag, instant, nonNegative, text } from '../service-fields.ts';
import { mergeCalls, type StoredCall } from './calls.queries.ts';

export const CALL_COLUMNS = [
  { name: 'started_at' },
  { name: 'direction' },
  { name: 'queue' },
  { name: 'answered' },
  { name: 'wait_seconds', required: false },
  { name: 'talk_seconds', required: false },
];

const DIRECTIONS: Record<string, 'in' | 'out'> = { in: 'in', inn: 'in', inbound: 'in', out: 'out', ut: 'out', outbound: 'out' };

export const callsImporter = defineTableImporter<StoredCall>({
  kind: 'calls',
  label: 'Sentralbord: samtaler (CSV, inn og ut)',
  description: 'Call records: started_at;direction(in|out);queue;answered;wait_seconds;talk_seconds',
  columns: CALL_COLUMNS,
  parseRow(record, ctx) {
    const r = record.values;
    const startedMs = instant(r.started_at, 'started_at', ctx);
    const direction = DIRECTIONS[(r.direction ?? '').trim().toLowerCase()];
    if (!direction)
      ctx.problem('direction', `ukjent retning «${r.direction ?? ''}», forventet in eller out`, 'direction must be in or out');
    const queue = text(r.queue, 'queue', ctx);
    const answered = flag(r.answered, 'answered', ctx);
    const wait = nonNegative(r.wait_seconds, 'wait_seconds', ctx, 0);
    const talk = nonNegative(r.talk_seconds, 'talk_seconds', ctx, 0);
    if (
      startedMs === undefined ||
      !direction ||
      queue === undefined ||
      answered === undefined ||
      wait === undefined ||
      talk === undefined
    ) {
      return undefined;
    }
    const enteredAt = Math.floor(startedMs / 1000);
    return {
      callId: `csv:${enteredAt}:${direction}:${answered ? 1 : 0}:${wait}:${talk}`,
      queue,
      direction,
      enteredAt,
      outcome: answered ? 'CONNECT' : 'ABANDON',
      outcomeAt: enteredAt + Math.round(wait),
      waitSeconds: wait,
      talkSeconds: talk,
    };
  },
  async write(trx, rows, ctx) {
    const seen = new Map<string, number>();
    const unique = rows.map((row) => {
      const key = `${row.callId}|${row.queue}`;
      const rank = (seen.get(key) ?? 0) + 1;
      seen.set(key, rank);
      return rank === 1 ? row : { ...row, callId: `${row.callId}#${rank}` };
    });
    for (let i = 0; i < unique.length; i += 20_000) await mergeCalls(trx, unique.slice(i, i + 20_000), ctx.runId);
  },
});
