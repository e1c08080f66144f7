/**
 * The service domain's demo: generated raw files (queue_log, outbound calls, outages, agreed service
 * time, video volumes, complaints) imported through the real importers. The seed report's figures
 * (demo-targets.md "Customers and service desk" and "Services") live here and in calls.demo.ts only;
 * after the import the generator checks that the engines reproduce them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandom } from '../../demo/random.ts';
import type { DemoContext } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { formatNumber, formatSeconds } from '../../shared/format.ts';
import { addMonths, parseYearMonth, type YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { monthAvailability } from '../availability/availability.figures.ts';
import { callMetricsSeries } from '../calls/calls.figures.ts';
import { DEFAULT_SERVICE_SETTINGS } from '../service-settings.ts';
import { findVolumes } from '../volumes/volumes.queries.ts';
import { DEMO_ASA_SECONDS, generateDemoCalls } from './calls.demo.ts';

/** Completed video calls in the report month, both solutions together. */
export const DEMO_VIDEO_CALLS = 19_536;
export const VIDEO_SERVICE = 'Videosamtaler';
export const VIDEO_VENDORS = ['Bliksund', 'SNLA'] as const;

function outagesCsv(period: YearMonth): string {
  const m = (n: number) => addMonths(period, n);
  return [
    'service;start;end;planned;description',
    `Telefoni;${m(-9)}-14T02:10;${m(-9)}-14T02:55;nei;Feil i SIP-trunk hos operatør`,
    `Telefoni;${m(-4)}-21T22:00;${m(-4)}-22T01:00;ja;Oppgradering av telefoniplattform`,
    `Telefoni;${m(0)}-13T23:00;${m(0)}-14T01:30;ja;Planlagt vedlikehold av sentralbord`,
    `CRR;${m(-2)}-03T08:40;${m(-2)}-03T10:05;nei;Statistikkdatabasen utilgjengelig`,
    `Nice Express;${m(-6)}-30T23:30;${m(-5)}-01T00:45;nei;Lydloggen stanset ved månedsskifte`,
  ].join('\n');
}

function serviceHoursCsv(): string {
  const rows = ['service;weekday;from;to'];
  for (const service of ['Telefoni', 'Nice Express']) for (let d = 1; d <= 7; d++) rows.push(`${service};${d};00:00;24:00`);
  for (let d = 1; d <= 5; d++) rows.push(`CRR;${d};07:00;17:00`);
  return rows.join('\n');
}

function volumesCsv(period: YearMonth): string {
  const random = createRandom('service-volumes');
  const rows = ['year;month;service;vendor;count'];
  for (let i = -11; i <= 0; i++) {
    const ym = addMonths(period, i);
    const { year, month } = parseYearMonth(ym);
    const total = i === 0 ? DEMO_VIDEO_CALLS : random.int(16_500, 19_900);
    const bliksund = Math.round(total * (0.55 + random.next() * 0.06));
    rows.push(`${year};${month};${VIDEO_SERVICE};Bliksund;${bliksund}`, `${year};${month};${VIDEO_SERVICE};SNLA;${total - bliksund}`);
  }
  return rows.join('\n');
}

function complaintsCsv(period: YearMonth): string {
  const m = (n: number) => addMonths(period, n);
  return [
    'date;customer;category;status;summary',
    `${m(-10)}-08;AMK Vest;Svartid;lukket;Lang ventetid på 1. linje en kveld`,
    `${m(-6)}-19;Legevakt Nord;Feilretting;lukket;Sak om lydlogg lukket uten tilbakemelding`,
    `${m(-3)}-02;AMK Øst;Svartid;lukket;Ventetid ved utfall av videoløsning`,
  ].join('\n');
}

async function checkTargets(db: Db, period: YearMonth): Promise<string> {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(period, i - 11));
  const series = await callMetricsSeries(db, { months, settings: DEFAULT_SERVICE_SETTINGS });
  const may = series[series.length - 1];
  const availability = await monthAvailability(db, period);
  const byService = new Map(availability.services.map((s) => [s.service, s]));
  const video = (await findVolumes(db, { fromMonth: period, toMonth: period, service: VIDEO_SERVICE })).reduce((s, r) => s + r.count, 0);
  const problems: string[] = [];
  for (const m of series) if (m.serviceLevel === null || m.serviceLevel < 80) problems.push(`servicenivå ${m.period} ${m.serviceLevel}`);
  if (may?.averageSpeedOfAnswer == null || Math.round(may.averageSpeedOfAnswer * 10) / 10 !== DEMO_ASA_SECONDS) {
    problems.push(`svartid ${may?.averageSpeedOfAnswer}`);
  }
  for (const s of ['Telefoni', 'CRR', 'Nice Express']) {
    const a = byService.get(s);
    if (a?.availability !== 100 || a.unplannedCount !== 0) problems.push(`${s} ${a?.availability}`);
  }
  if (video !== DEMO_VIDEO_CALLS) problems.push(`videosamtaler ${video}`);
  if (problems.length > 0) throw new AppError('INTERNAL', `Tjenestedemoen traff ikke målene: ${problems.join(', ')}`);
  return `servicenivå ${series.map((m) => formatNumber(m.serviceLevel ?? 0, 0)).join('/')} %, svartid ${formatSeconds(may?.averageSpeedOfAnswer ?? 0, 1)}`;
}

export async function runServiceDemo(ctx: DemoContext): Promise<void> {
  const calls = generateDemoCalls(ctx.period);
  const files: [kind: string, name: string, text: string][] = [
    ['queue-log', 'queue_log', calls.queueLog],
    ['calls', 'calls-outbound.csv', calls.outboundCsv],
    ['service-hours', 'service-hours.csv', serviceHoursCsv()],
    ['outages', 'outages.csv', outagesCsv(ctx.period)],
    ['volumes', 'video-volumes.csv', volumesCsv(ctx.period)],
    ['complaints', 'complaints.csv', complaintsCsv(ctx.period)],
  ];
  let rows = 0;
  for (const [kind, name, text] of files) {
    const path = join(ctx.dir, name);
    await writeFile(path, text);
    rows += (await ctx.importFile(kind, path)).rowCount;
  }
  ctx.log(`Kundeservice og tjenester: ${formatNumber(rows, 0)} rader, ${await checkTargets(ctx.db, ctx.period)}`);
}
