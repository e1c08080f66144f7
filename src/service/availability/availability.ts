/**
 * Availability per service and month (service-metrics.md §2): outages clipped to the month and the
 * agreed service time, planned time taken out of both numerator and denominator.
 */
import type { YearMonth } from '../../shared/period.ts';
import { type Interval, intersect, subtract, totalMs, union } from './intervals.ts';
import { agreedTime, type ServiceWindow } from './service-time.ts';

export interface Outage {
  service: string;
  /** Epoch ms, inclusive. */
  startMs: number;
  /** Epoch ms, exclusive. */
  endMs: number;
  planned: boolean;
  description: string;
}

export interface ServiceAvailability {
  service: string;
  agreedMinutes: number;
  plannedMinutes: number;
  unplannedMinutes: number;
  unplannedCount: number;
  /** Percent, null when agreed − planned is 0. */
  availability: number | null;
}

const MINUTE = 60_000;

/** Availability of one service in one month from its outages (any months) and service windows. */
export function serviceAvailability(
  service: string,
  ym: YearMonth,
  outages: readonly Outage[],
  windows: readonly ServiceWindow[],
): ServiceAvailability {
  const ast = agreedTime(ym, windows);
  const own = outages.filter((o) => o.service === service);
  const planned = intersect(union(own.filter((o) => o.planned).map((o): Interval => [o.startMs, o.endMs])), ast);
  const unplannedAll = own.filter((o) => !o.planned);
  const unplanned = subtract(intersect(union(unplannedAll.map((o): Interval => [o.startMs, o.endMs])), ast), planned);
  const unplannedCount = unplannedAll.filter((o) => totalMs(intersect([[o.startMs, o.endMs]], ast)) > 0).length;
  const agreedMinutes = totalMs(ast) / MINUTE;
  const plannedMinutes = totalMs(planned) / MINUTE;
  const unplannedMinutes = totalMs(unplanned) / MINUTE;
  const base = agreedMinutes - plannedMinutes;
  return {
    service,
    agreedMinutes,
    plannedMinutes,
    unplannedMinutes,
    unplannedCount,
    availability: base === 0 ? null : ((base - unplannedMinutes) / base) * 100,
  };
}

/** The unplanned outages of a service that touch AST ∩ month, for "Ingen rapportert nedetid" or a list. */
export function unplannedOutagesInMonth(
  service: string,
  ym: YearMonth,
  outages: readonly Outage[],
  windows: readonly ServiceWindow[],
): Outage[] {
  const ast = agreedTime(ym, windows);
  return outages
    .filter((o) => o.service === service && !o.planned && totalMs(intersect([[o.startMs, o.endMs]], ast)) > 0)
    .sort((a, b) => a.startMs - b.startMs);
}

/** Every service with hours or outages, sorted (nb-NO). */
export function servicesOf(outages: readonly Outage[], windowsByService: ReadonlyMap<string, readonly ServiceWindow[]>): string[] {
  const names = new Set<string>([...windowsByService.keys(), ...outages.map((o) => o.service)]);
  return [...names].sort((a, b) => a.localeCompare(b, 'nb'));
}

/** Availability of every service with hours or outages in month `ym`. */
export function availabilityReport(
  ym: YearMonth,
  outages: readonly Outage[],
  windowsByService: ReadonlyMap<string, readonly ServiceWindow[]>,
): ServiceAvailability[] {
  return servicesOf(outages, windowsByService).map((s) => serviceAvailability(s, ym, outages, windowsByService.get(s) ?? []));
}
