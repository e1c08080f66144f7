/** Working-time-act (AML chapter 10) breaches: imports, engine, KPIs, report blocks, web page and demo. */
import type { DomainModule } from '../../module.ts';
import { runAmlDemo } from '../demo/aml.demo.ts';
import { employeesImporter } from '../employees/employees.import.ts';
import { dispensationsImporter, timeRecordsImporter } from '../time-records/time-records.import.ts';
import { workforceCheckCommand } from './aml.command.ts';
import { amlKpis } from './aml.kpis.ts';
import { amlReportBlocks } from './aml.report.ts';
import { amlRoutes } from './aml.routes.ts';
import { AML_PATH, amlWeb } from './aml.web.ts';
import { type AmlSettings, DEFAULT_AML_SETTINGS } from './aml-model.ts';

export function workforceAmlModule(settings: AmlSettings = DEFAULT_AML_SETTINGS): DomainModule {
  return {
    id: 'workforceAml',
    nav: [{ path: AML_PATH, label: 'Arbeidstid (AML)', order: 30 }],
    kpis: amlKpis(settings),
    importers: [employeesImporter, timeRecordsImporter, dispensationsImporter],
    api: amlRoutes(settings),
    web: amlWeb(settings),
    commands: [workforceCheckCommand],
    demo: { order: 10, run: runAmlDemo },
    report: amlReportBlocks(settings),
  };
}

export const workforceAml: DomainModule = workforceAmlModule();
