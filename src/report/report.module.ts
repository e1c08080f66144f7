/**
 * The monthly report as a module: its page (/rapport), API (/api/report/…), CLI commands
 * (`report …`, `narrative …`) and demo step (the May 2025 narratives, then the build). It reads the
 * other domains only through the DomainModule list it is given.
 */
import type { DomainModule } from '../module.ts';
import { narrativeListCommand, narrativeSetCommand, narrativeShowCommand } from './commands/narrative.ts';
import { reportBuildCommand } from './commands/report-build.ts';
import { reportDownloadCommand } from './commands/report-download.ts';
import { reportStatusCommand } from './commands/report-status.ts';
import { reportTemplateSetCommand, reportTemplateShowCommand } from './commands/report-template.ts';
import { reportVerifyCommand } from './commands/report-verify.ts';
import { workflowCommands } from './commands/report-workflow.ts';
import { reportDemo } from './report.demo.ts';
import { reportApi } from './report.routes.ts';
import { reportWeb } from './report.web.ts';

export const reportModule: DomainModule = {
  id: 'report',
  nav: [{ path: '/rapport', label: 'Rapport', order: 90 }],
  api: reportApi,
  web: reportWeb,
  commands: [
    reportBuildCommand,
    reportStatusCommand,
    ...workflowCommands,
    reportDownloadCommand,
    reportVerifyCommand,
    reportTemplateShowCommand,
    reportTemplateSetCommand,
    narrativeSetCommand,
    narrativeListCommand,
    narrativeShowCommand,
  ],
  demo: { order: 90, run: reportDemo },
};
