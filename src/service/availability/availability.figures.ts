/** Availability of every service in a month, from the database. */
import type { YearMonth } from '../../shared/period.ts';
import type { Db } from '../../storage/db.ts';
import { findOutages, findServiceHours } from './availability.queries.ts';
import { availabilityReport, type Outage, type ServiceAvailability, unplannedOutagesInMonth } from './availability.ts';

export interface MonthAvailability {
  period: YearMonth;
  services: (ServiceAvailability & { unplannedOutages: Outage[] })[];
}

export async function monthAvailability(db: Db, period: YearMonth): Promise<MonthAvailability> {
  const [outages, hours] = await Promise.all([findOutages(db), findServiceHours(db)]);
  const services = availabilityReport(period, outages, hours).map((a) => ({
    ...a,
    unplannedOutages: unplannedOutagesInMonth(a.service, period, outages, hours.get(a.service) ?? []),
  }));
  return { period, services };
}
