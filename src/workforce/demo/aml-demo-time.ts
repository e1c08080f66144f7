/** Local wall-clock helpers for the AML demo generator (Europe/Oslo), fast on ordinary days. */
import { Temporal } from 'temporal-polyfill';
import { TIME_ZONE } from '../../shared/period.ts';
import { DAY_MS, dayOf, dayStartMs, dayToIso } from '../aml/rules/aml-time.ts';

const MINUTE = 60_000;

function isRegularDay(dn: number): boolean {
  return dayStartMs(dn + 1) - dayStartMs(dn) === DAY_MS;
}

/** Epoch ms of local day `dn` + `minutes` (minutes ≥ 1440 roll into the next days). */
export function localAt(dn: number, minutes: number): number {
  const day = dn + Math.floor(minutes / 1440);
  const m = minutes - (day - dn) * 1440;
  if (isRegularDay(day)) return dayStartMs(day) + m * MINUTE;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return Temporal.PlainDateTime.from(`${dayToIso(day)}T${hh}:${mm}`).toZonedDateTime(TIME_ZONE, { disambiguation: 'earlier' })
    .epochMilliseconds;
}

/** "YYYY-MM-DDTHH:MM" local, or ISO with offset where the local time would be ambiguous or absent. */
export function csvTime(ms: number): string {
  const dn = dayOf(ms);
  if (isRegularDay(dn)) {
    const m = Math.round((ms - dayStartMs(dn)) / MINUTE);
    return `${dayToIso(dn)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(TIME_ZONE)
    .toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}
