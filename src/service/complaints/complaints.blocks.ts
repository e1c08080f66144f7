/** Complaints in the report (`complaints-kpis`): the month's count, and its categories when there are any. */
import type { KpiLinesBlock, ReportBlockProvider } from '../../report/blocks.ts';
import { firstDayOfMonth, lastDayOfMonth, type YearMonth } from '../../shared/period.ts';
import { findComplaints } from './complaints.queries.ts';
import { type Complaint, complaintsByCategory } from './complaints.ts';

export function complaintsBlock(list: Complaint[], period: YearMonth): KpiLinesBlock {
  const byCategory = complaintsByCategory(list, period);
  const count = byCategory.reduce((s, c) => s + c.count, 0);
  return {
    kind: 'kpis',
    id: 'complaints-kpis',
    title: 'Kundeklager',
    items: [
      { label: 'Kundeklager mottatt i perioden', text: String(count), status: 'none' },
      ...byCategory.map((c) => ({ label: c.category, text: String(c.count), status: 'none' as const })),
    ],
  };
}

export const complaintsReportBlocks: ReportBlockProvider[] = [
  {
    id: 'complaints-kpis',
    async build(ctx) {
      const imported = await ctx.db
        .selectFrom('import_runs')
        .select('id')
        .where('kind', '=', 'complaints')
        .where('status', '=', 'succeeded')
        .executeTakeFirst();
      if (!imported) return [];
      const list = await findComplaints(ctx.db, { fromDate: firstDayOfMonth(ctx.period), toDate: lastDayOfMonth(ctx.period) });
      return [complaintsBlock(list, ctx.period)];
    },
  },
];
