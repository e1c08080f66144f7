/** Sick leave (sykefravær): the absences import, the KPIs, the API, the web page, report blocks and demo data. */
import type { KpiDefinition } from '../../kpi/kpi.ts';
import type { DomainModule } from '../../module.ts';
import { runSickLeaveDemo } from '../demo/sick-leave.demo.ts';
import { absencesImporter } from './sick-leave.import.ts';
import { sickLeaveRoutes } from './sick-leave.routes.ts';
import { type SickLeaveFigures, sickLeaveKpiFigures } from './sick-leave.section.ts';
import { SICK_LEAVE_PATH, sickLeaveWeb } from './sick-leave.web.ts';
import { sickLeaveReportBlocks } from './sick-leave-blocks.ts';
import { DEFAULT_SICK_LEAVE_SETTINGS, type SickLeaveSettings } from './sick-leave-settings.ts';

export function sickLeaveKpis(settings: SickLeaveSettings = DEFAULT_SICK_LEAVE_SETTINGS): KpiDefinition[] {
  const kpi = (
    id: string,
    label: string,
    pick: (f: { month: SickLeaveFigures; ytd: SickLeaveFigures }) => number | null,
    withTarget: boolean,
  ): KpiDefinition => ({
    id: `workforce.sickLeave.${id}`,
    label,
    unit: 'percent',
    decimals: 2,
    ...(withTarget ? { target: settings.target } : {}),
    async compute(ctx) {
      const f = await sickLeaveKpiFigures(ctx.db, { period: ctx.period, settings, knownAt: ctx.knownAt });
      return f ? pick(f) : null;
    },
  });
  const [short, long] =
    settings.bandRule === 'whole-case'
      ? ['Korttidssykefravær (≤ 16 dager)', 'Langtidssykefravær (> 16 dager)']
      : ['Korttidssykefravær (dag 1–16)', 'Langtidssykefravær (dag 17 og senere)'];
  return [
    kpi('total', 'Sykefravær (måned)', (f) => f.month.totalPct, true),
    kpi('short', short, (f) => f.month.shortPct, false),
    kpi('long', long, (f) => f.month.longPct, false),
    kpi('ytd', 'Sykefravær hittil i år', (f) => f.ytd.totalPct, true),
  ];
}

export function sickLeaveModule(settings: SickLeaveSettings = DEFAULT_SICK_LEAVE_SETTINGS): DomainModule {
  return {
    id: 'sickLeave',
    nav: [{ path: SICK_LEAVE_PATH, label: 'Sykefravær', order: 31 }],
    kpis: sickLeaveKpis(settings),
    importers: [absencesImporter],
    api: sickLeaveRoutes(settings),
    web: sickLeaveWeb(settings),
    demo: { order: 20, run: runSickLeaveDemo },
    report: sickLeaveReportBlocks(settings),
  };
}

export const sickLeave: DomainModule = sickLeaveModule();
