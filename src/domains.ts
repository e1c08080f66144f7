/** Every domain of the product, in report order. Add a domain here and it appears everywhere. */
import { financeCapital } from './finance/capital.module.ts';
import type { DomainModule } from './module.ts';
import { reportModule } from './report/report.module.ts';
import { workforceAml } from './workforce/aml.module.ts';
import { sickLeave } from './workforce/sick-leave.module.ts';

export const domains: readonly DomainModule[] = [financeCapital, workforceAml, sickLeave, reportModule];
