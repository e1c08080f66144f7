/**
 * `styrerom service calls` and `styrerom service availability`: integration contracts. With --json
 * the numbers are unrounded and null where the spec says; without, Norwegian tables.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { formatMonth, formatNumber, formatPercent, formatSeconds } from '../shared/format.ts';
import { parseArgsMessage } from '../shared/parse-args.ts';
import { isYearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { monthAvailability } from './availability/availability.figures.ts';
import { monthCallMetrics } from './calls/calls.figures.ts';
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from './service-settings.ts';

function args(command: string, argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new AppError('USAGE', `${parseArgsMessage(err)}. Se «styrerom ${command} --help».`);
  }
}

function periodArg(command: string, value: unknown): string {
  if (typeof value !== 'string') throw new AppError('USAGE', `--period ÅÅÅÅ-MM mangler. Se «styrerom ${command} --help».`);
  if (!isYearMonth(value)) throw new AppError('USAGE', `Ugyldig periode «${value}», forventet ÅÅÅÅ-MM`);
  return value;
}

async function withDb<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const open = await ctx.openDb();
  try {
    return await fn(open.db);
  } finally {
    await open.close();
  }
}

/** Left-aligned first column, right-aligned numbers, a rule under the header. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${rows.map((r) => `${line(r)}\n`).join('')}`;
}

const dash = (v: number | null, f: (n: number) => string) => (v === null ? '–' : f(v));

function callsCommand(settings: ServiceSettings): CliCommand {
  return {
    name: 'service calls',
    summary: 'Servicenivå, svartid og tapte anrop for en måned',
    usage: `Bruk: styrerom service calls --period ÅÅÅÅ-MM [--queue <kø>] [--json] [--database <url>]

Tall for innkommende anrop i måneden (norsk tid), for én kø eller alle:
tilbudt, besvart, tapt, korte avbrudd (≤ ${settings.shortAbandonSeconds} s, utelatt fra alle tall), uavklart,
besvart innen ${settings.thresholdSeconds} s, servicenivå, gjennomsnittlig svartid, tapsrate og utgående anrop.
  --period ÅÅÅÅ-MM   måneden
  --queue <kø>       bare denne køen (ellers alle køer)
  --json             maskinlesbart, uavrundet (null der tallet ikke kan regnes ut)`,
    async run(argv, ctx) {
      const v = args('service calls', argv, { period: { type: 'string' }, queue: { type: 'string' }, json: { type: 'boolean' } });
      const period = periodArg('service calls', v.period);
      const queue = typeof v.queue === 'string' ? v.queue : null;
      const m = await withDb(ctx, (db) => monthCallMetrics(db, { period, queue, settings }));
      if (v.json) {
        const { period: p, queue: q, offered, answered, abandoned, shortAbandons, unresolved, answeredWithinThreshold } = m;
        const { serviceLevel, averageSpeedOfAnswer, abandonRate, outbound } = m;
        const out = { period: p, queue: q, offered, answered, abandoned, shortAbandons, unresolved, answeredWithinThreshold };
        ctx.stdout(`${JSON.stringify({ ...out, serviceLevel, averageSpeedOfAnswer, abandonRate, outbound }, null, 2)}\n`);
        return 0;
      }
      const n = (x: number) => formatNumber(x, 0);
      const rows = [
        ['Tilbudte anrop', n(m.offered)],
        ['Besvart', n(m.answered)],
        [`Besvart innen ${settings.thresholdSeconds} s`, n(m.answeredWithinThreshold)],
        [`Tapt (ventet over ${settings.shortAbandonSeconds} s)`, n(m.abandoned)],
        [`Korte avbrudd (≤ ${settings.shortAbandonSeconds} s)`, n(m.shortAbandons)],
        ['Uavklart', n(m.unresolved)],
        ['Servicenivå', dash(m.serviceLevel, (x) => formatPercent(x, 1))],
        ['Gjennomsnittlig svartid', dash(m.averageSpeedOfAnswer, (x) => formatSeconds(x, 1))],
        ['Tapsrate', dash(m.abandonRate, (x) => formatPercent(x, 1))],
        ['Utgående anrop', n(m.outbound)],
      ];
      ctx.stdout(
        `Sentralbord ${formatMonth(period)}, ${queue === null ? 'alle køer' : `kø ${queue}`}\n${textTable(['Tall', 'Verdi'], rows)}`,
      );
      return 0;
    },
  };
}

const availabilityCommand: CliCommand = {
  name: 'service availability',
  summary: 'Tilgjengelighet per tjeneste for en måned',
  usage: `Bruk: styrerom service availability --period ÅÅÅÅ-MM [--json] [--database <url>]

Avtalt tjenestetid, planlagt og ikke planlagt nedetid (minutter) og tilgjengelighet for hver tjeneste
som har tjenestetid eller avbrudd. Tilgjengelighet = (avtalt − planlagt − ikke planlagt) / (avtalt − planlagt).
  --period ÅÅÅÅ-MM   måneden
  --json             maskinlesbart, uavrundet (null der tallet ikke kan regnes ut)`,
  async run(argv, ctx) {
    const v = args('service availability', argv, { period: { type: 'string' }, json: { type: 'boolean' } });
    const period = periodArg('service availability', v.period);
    const a = await withDb(ctx, (db) => monthAvailability(db, period));
    const services = a.services.map(({ service, agreedMinutes, plannedMinutes, unplannedMinutes, unplannedCount, availability }) => ({
      service,
      agreedMinutes,
      plannedMinutes,
      unplannedMinutes,
      unplannedCount,
      availability,
    }));
    if (v.json) {
      ctx.stdout(`${JSON.stringify({ period, services }, null, 2)}\n`);
      return 0;
    }
    if (services.length === 0) {
      ctx.stdout(`Tilgjengelighet ${formatMonth(period)}: ingen tjenester med tjenestetid eller avbrudd er importert.\n`);
      return 0;
    }
    const m = (x: number) => formatNumber(x, 0);
    const rows = services.map((s) => [
      s.service,
      m(s.agreedMinutes),
      m(s.plannedMinutes),
      m(s.unplannedMinutes),
      formatNumber(s.unplannedCount, 0),
      dash(s.availability, (x) => formatPercent(x, 2)),
    ]);
    const header = ['Tjeneste', 'Avtalt tid (min)', 'Planlagt (min)', 'Ikke planlagt (min)', 'Avbrudd', 'Tilgjengelighet'];
    ctx.stdout(`Tilgjengelighet ${formatMonth(period)}\n${textTable(header, rows)}`);
    return 0;
  },
};

export function serviceCommands(settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS): CliCommand[] {
  return [callsCommand(settings), availabilityCommand];
}
