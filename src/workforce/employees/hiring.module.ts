/** Hires, leavers, headcount and recruitments: KPIs, the recruitment import, the page, the report block and demo data. */
import type { DomainModule } from '../../module.ts';
import { runHiringDemo } from '../demo/hiring.demo.ts';
import { hiringReportBlocks } from './hiring.blocks.ts';
import { hiringKpis } from './hiring.kpis.ts';
import { HIRING_PATH, hiringWeb } from './hiring.web.ts';
import { recruitmentsImporter } from './recruitments.import.ts';

export const workforceHiring: DomainModule = {
  id: 'workforceHiring',
  nav: [{ path: HIRING_PATH, label: 'Ansettelser', order: 33 }],
  kpis: hiringKpis,
  importers: [recruitmentsImporter],
  web: hiringWeb,
  demo: { order: 25, run: runHiringDemo },
  report: hiringReportBlocks,
};
