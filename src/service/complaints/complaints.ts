/** Customer complaints (service-metrics.md §4): the report shows the count in the month. */
import type { IsoDate, YearMonth } from '../../shared/period.ts';

export interface Complaint {
  date: IsoDate;
  customer: string;
  category: string;
  status: string;
  summary: string;
}

export function complaintsInMonth(complaints: readonly Complaint[], ym: YearMonth): Complaint[] {
  return complaints.filter((c) => c.date.slice(0, 7) === ym);
}

/** Count per category in the month, sorted by count then name. */
export function complaintsByCategory(complaints: readonly Complaint[], ym: YearMonth): { category: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of complaintsInMonth(complaints, ym)) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'nb'));
}
