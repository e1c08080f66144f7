/** Working-time-act (AML chapter 10) breaches: imports, engine, KPIs, report blocks, web page and demo. */
import type { DomainModule } from '../module.ts';
import { employeesImporter } from './employees.import.ts';
import { dispensationsImporter, timeRecordsImporter } from './time-records.import.ts';

export const workforceAml: DomainModule = {
  id: 'workforceAml',
  nav: [{ path: '/arbeidstid', label: 'Arbeidstid (AML)', order: 30 }],
  importers: [employeesImporter, timeRecordsImporter, dispensationsImporter],
};
