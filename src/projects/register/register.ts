/** The project register (specs/projects.md §1). */

export interface Project {
  /** slug: `medielogg` */
  id: string;
  name: string;
  owner: string;
  phase: string;
  /** Finance's investment project, when one exists (budget frame, payment milestones). */
  investmentProject: string | null;
  jiraKey: string | null;
}

/** Phases after which a project no longer gets a report section. */
const CLOSED_PHASES = ['avsluttet', 'closed', 'kansellert', 'cancelled'];

export function isActive(p: Pick<Project, 'phase'>): boolean {
  return !CLOSED_PHASES.includes(p.phase.trim().toLowerCase());
}

export const PROJECT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface FieldProblem {
  column: string;
  message: string;
  messageEn: string;
}

/** Checks one register row (`id;name;owner;phase;investment_project;jira_key`). */
export function parseProject(values: Record<string, string | undefined>): { project?: Project; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const v = (k: string) => (values[k] ?? '').trim();
  const id = v('id');
  if (!PROJECT_ID.test(id)) {
    problems.push({
      column: 'id',
      message: `ugyldig prosjekt-ID «${id}»: bruk små bokstaver, tall og bindestrek`,
      messageEn: 'invalid project id (a-z, 0-9, "-")',
    });
  }
  const name = v('name');
  if (!name) problems.push({ column: 'name', message: 'navn mangler', messageEn: 'name missing' });
  for (const [k, max] of [
    ['name', 200],
    ['owner', 200],
    ['phase', 60],
    ['investment_project', 100],
    ['jira_key', 30],
  ] as const) {
    if (v(k).length > max)
      problems.push({ column: k, message: `«${k}» er lengre enn ${max} tegn`, messageEn: `"${k}" longer than ${max}` });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    project: {
      id,
      name,
      owner: v('owner'),
      phase: v('phase'),
      investmentProject: v('investment_project') || null,
      jiraKey: v('jira_key') || null,
    },
  };
}
