/** Every domain of the product, in report order. Add a domain here and it appears everywhere. */
import { registeredFigures } from './figures/figures.module.ts';
import { financeCapital } from './finance/capital/capital.module.ts';
import { finance } from './finance/finance.module.ts';
import type { DomainModule } from './module.ts';
import { projectsModule } from './projects/projects.module.ts';
import { reportModule } from './report/report.module.ts';
import { riskModule } from './risk/risk.module.ts';
import { service } from './service/service.module.ts';
import { workforceAml } from './workforce/aml/aml.module.ts';
import { workforceHiring } from './workforce/employees/hiring.module.ts';
import { sickLeave } from './workforce/sick-leave/sick-leave.module.ts';

export const domains: readonly DomainModule[] = [
  riskModule,
  finance,
  financeCapital,
  workforceAml,
  sickLeave,
  workforceHiring,
  registeredFigures,
  service,
  projectsModule,
  reportModule,
];
