/** The enterprise risk register ("Virksomhetsrisiko"): everything the register plugs into the product. */
import type { DomainModule } from '../module.ts';
import { riskCommands } from './risk.cli.ts';
import { runRiskDemo } from './risk.demo.ts';
import { riskImporters } from './risk.import.ts';
import { riskApi } from './risk.routes.ts';
import { riskKpis, riskReportBlocks } from './risk.section.ts';
import { riskWeb } from './risk.web.ts';

export const riskModule: DomainModule = {
  id: 'risk',
  nav: [{ path: '/risiko', label: 'Virksomhetsrisiko', order: 10 }],
  kpis: riskKpis,
  importers: riskImporters,
  api: riskApi,
  web: riskWeb,
  commands: riskCommands,
  demo: { order: 5, run: runRiskDemo },
  report: riskReportBlocks,
};
