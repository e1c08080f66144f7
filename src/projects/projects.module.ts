/** Projects: register, milestones with history, acceptance-test defects from Jira, project risks. */
import type { DomainModule } from '../module.ts';
import { defectClassesImporter, jiraImporter } from './defects/jira.import.ts';
import { runProjectsDemo } from './demo/projects.demo.ts';
import { milestonesImporter } from './milestones/milestones.import.ts';
import { projectsCommands } from './projects.cli.ts';
import { projectKpis, projectReportBlocks } from './projects.section.ts';
import { projectsImporter } from './register/register.import.ts';

export const projectsModule: DomainModule = {
  id: 'projects',
  commands: projectsCommands,
  kpis: projectKpis,
  report: projectReportBlocks,
  demo: { order: 40, run: (ctx) => runProjectsDemo(ctx) },
  importers: [projectsImporter, milestonesImporter, jiraImporter, defectClassesImporter],
};
