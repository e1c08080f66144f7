import type { KpiDefinition, KpiUnit } from '../../kpi/kpi.ts';
import { type HiringOverview, hiringOverview } from './hiring.section.ts';

function kpi(
  id: string,
  label: string,
  unit: KpiUnit,
  decimals: number,
  pick: (o: HiringOverview) => number | null,
  needs: 'employees' | 'recruitments',
): KpiDefinition {
  return {
    id,
    label,
    unit,
    decimals,
    async compute(ctx) {
      const o = await hiringOverview(ctx.db, ctx.period);
      const has = needs === 'employees' ? o.hasEmployees : o.hasRecruitments;
      return has ? pick(o) : null;
    },
  };
}

/** The registers are not versioned: every KPI counts the registers as they stand (knownAt is not used). */
export const hiringKpis: KpiDefinition[] = [
  kpi('workforce.hires', 'Ansettelser i måneden', 'count', 0, (o) => o.workforce.hires.length, 'employees'),
  kpi('workforce.leavers', 'Fratredelser i måneden', 'count', 0, (o) => o.workforce.leavers.length, 'employees'),
  kpi('workforce.headcount', 'Ansatte ved månedsslutt', 'count', 0, (o) => o.workforce.headcount, 'employees'),
  kpi('workforce.fte', 'Årsverk ved månedsslutt', 'count', 1, (o) => o.workforce.fte, 'employees'),
  kpi('workforce.turnover', 'Turnover siste 12 måneder', 'percent', 1, (o) => o.turnover, 'employees'),
  kpi(
    'workforce.recruitments.started',
    'Rekrutteringer startet i måneden',
    'count',
    0,
    (o) => o.recruitments.started.length,
    'recruitments',
  ),
  kpi('workforce.recruitments.filled', 'Rekrutteringer besatt i måneden', 'count', 0, (o) => o.recruitments.filled.length, 'recruitments'),
  kpi('workforce.recruitments.open', 'Åpne stillinger ved månedsslutt', 'count', 0, (o) => o.recruitments.open.length, 'recruitments'),
];
