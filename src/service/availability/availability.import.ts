/** `styrerom import outages <file>` and `styrerom import service-hours <file>`. */
import { defineTableImporter } from '../../imports/table-importer.ts';
import { flag, instant, text } from '../service-fields.ts';
import { replaceServiceHours, upsertOutages } from './availability.queries.ts';
import type { Outage } from './availability.ts';
import { parseClock, type ServiceWindow } from './service-time.ts';

export const outagesImporter = defineTableImporter<Outage>({
  kind: 'outages',
  label: 'Tjenester: driftsavbrudd',
  description: 'Outages: service;start;end;planned;description (ISO 8601; without offset = Europe/Oslo wall time)',
  columns: [{ name: 'service' }, { name: 'start' }, { name: 'end' }, { name: 'planned' }, { name: 'description', required: false }],
  parseRow(record, ctx) {
    const r = record.values;
    const service = text(r.service, 'service', ctx);
    const startMs = instant(r.start, 'start', ctx);
    const endMs = instant(r.end, 'end', ctx);
    const planned = flag(r.planned, 'planned', ctx);
    if (service === undefined || startMs === undefined || endMs === undefined || planned === undefined) return undefined;
    if (endMs <= startMs) {
      ctx.problem('end', 'slutt må være etter start', 'end must be after start');
      return undefined;
    }
    return { service, startMs, endMs, planned, description: (r.description ?? '').trim() };
  },
  write: (trx, rows, ctx) => upsertOutages(trx, rows, ctx.runId),
});

const WEEKDAYS: Record<string, number> = { man: 1, tir: 2, ons: 3, tor: 4, fre: 5, lør: 6, lor: 6, søn: 7, son: 7 };

function weekday(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (/^[1-7]$/.test(v)) return Number(v);
  return WEEKDAYS[v.slice(0, 3)];
}

export const serviceHoursImporter = defineTableImporter<ServiceWindow & { service: string }>({
  kind: 'service-hours',
  label: 'Tjenester: avtalt tjenestetid',
  description: 'Agreed service time: service;weekday(1-7);from(HH:MM);to(HH:MM, 24:00 allowed); replaces the windows of the services named',
  columns: [{ name: 'service' }, { name: 'weekday' }, { name: 'from' }, { name: 'to' }],
  parseRow(record, ctx) {
    const r = record.values;
    const service = text(r.service, 'service', ctx);
    const day = weekday(r.weekday ?? '');
    if (day === undefined) ctx.problem('weekday', `ugyldig ukedag «${r.weekday ?? ''}», forventet 1–7 (mandag = 1)`, 'weekday must be 1-7');
    const fromMinute = parseClock(r.from ?? '');
    if (fromMinute === null) ctx.problem('from', `ugyldig klokkeslett «${r.from ?? ''}», forventet TT:MM`, 'invalid time, expected HH:MM');
    const toMinute = parseClock(r.to ?? '');
    if (toMinute === null)
      ctx.problem('to', `ugyldig klokkeslett «${r.to ?? ''}», forventet TT:MM (24:00 tillatt)`, 'invalid time, expected HH:MM');
    if (service === undefined || day === undefined || fromMinute === null || toMinute === null) return undefined;
    if (toMinute <= fromMinute) {
      ctx.problem('to', '«to» må være etter «from»', 'to must be after from');
      return undefined;
    }
    return { service, weekday: day, fromMinute, toMinute };
  },
  write: (trx, rows, ctx) => replaceServiceHours(trx, rows, ctx.runId),
});
