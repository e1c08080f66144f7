/** Projects: register, milestones with history, acceptance-test defects from Jira, project risks. */
import type { DomainModule } from '../module.ts';
import { defectClassesImporter, jiraImporter } from './defects/jira.import.ts';
import { runProjectsDemo } from './demo/projects.demo.ts';
import { milestonesImporter } from './milestones/milestones.import.ts';
import { projectsCommands } from './projects.cli.ts';
import { projectsApi } from './projects.routes.ts';
import { projectKpis, projectReportBlocks } from './projects.section.ts';
import { PROJECTS_PATH, projectsWeb } from './projects.web.ts';
import { projectsImporter } from './register/register.import.ts';

export const projectsModule: DomainModule = {
  id: 'projects',
  nav: [{ path: PROJECTS_PATH, label: 'Prosjekter', order: 50 }],
  api: projectsApi,
  web: projectsWeb,
  commands: projectsCommands,
  kpis: projectKpis,
  report: projectReportBlocks,
  demo: { order: 40, run: (ctx) => runProjectsDemo(ctx) },
  importers: [projectsImporter, milestonesImporter, jiraImporter, defectClassesImporter],
};
