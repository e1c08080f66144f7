/** Counted volumes per month, service and vendor (service-metrics.md §3), e.g. video calls per solution. */
import type { YearMonth } from '../../shared/period.ts';

export interface VolumeRecord {
  month: YearMonth;
  service: string;
  vendor: string;
  count: number;
}

export interface VolumeTotals {
  month: YearMonth;
  total: number;
  byVendor: Record<string, number>;
}

/** Totals of one service per month, in the order of `months`; vendors absent from a month count 0. */
export function volumesByMonth(records: readonly VolumeRecord[], service: string, months: readonly YearMonth[]): VolumeTotals[] {
  const vendors = vendorsOf(records, service);
  return months.map((month) => {
    const byVendor: Record<string, number> = Object.fromEntries(vendors.map((v) => [v, 0]));
    let total = 0;
    for (const r of records) {
      if (r.service !== service || r.month !== month) continue;
      byVendor[r.vendor] = (byVendor[r.vendor] ?? 0) + r.count;
      total += r.count;
    }
    return { month, total, byVendor };
  });
}

export function vendorsOf(records: readonly VolumeRecord[], service: string): string[] {
  return [...new Set(records.filter((r) => r.service === service).map((r) => r.vendor))].sort((a, b) => a.localeCompare(b, 'nb'));
}
