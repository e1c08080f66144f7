/**
 * What projects contribute to the report and the KPI registry. A project's blocks are placed in
 * its template section `projects.<id>` (an organisation's template adds one per active project);
 * `projects-overview` lists every active project for templates without such sections.
 */
import type { KpiDefinition } from '../kpi/kpi.ts';
import type { HtmlBlock, ReportBlock, ReportBlockContext, ReportBlockProvider, TableBlock } from '../report/blocks.ts';
import { formatDate, formatNumber } from '../shared/format.ts';
import { lastDayOfMonth, monthBoundsMs, type YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { html } from '../web/html.ts';
import { listIssues, listRules } from './defects/defects.queries.ts';
import { countOpen } from './defects/defects.ts';
import { countMovedMilestones } from './milestones/milestones.queries.ts';
import { defectSentence, milestoneSentences } from './projects.status.ts';
import { defectTable, defectView, milestoneTable, paymentTable, riskTable } from './projects.tables.ts';
import { defaultAsOfDate, hasIssues, milestoneLines, parseAsOf } from './projects.views.ts';
import { findProject, listProjects } from './register/register.queries.ts';
import { isActive, type Project } from './register/register.ts';

/** The project of a `projects.<id>` section, if registered. */
async function sectionProject(ctx: ReportBlockContext): Promise<Project | undefined> {
  const m = /^projects\.([a-z0-9-]+)$/.exec(ctx.sectionId ?? '');
  return m?.[1] ? findProject(ctx.db, m[1]) : undefined;
}

function perProject(
  id: string,
  build: (db: Db, project: Project, period: YearMonth) => Promise<ReportBlock | undefined>,
): ReportBlockProvider {
  return {
    id,
    async build(ctx) {
      const project = await sectionProject(ctx);
      if (!project) return [];
      const block = await build(ctx.db, project, ctx.period);
      return block ? [block] : [];
    },
  };
}

export async function projectStatusSentences(db: Db, project: Project, period: YearMonth): Promise<string[]> {
  const lines = await milestoneLines(db, project.id, period);
  const out = milestoneSentences(lines, period);
  if (await hasIssues(db, project.id)) out.push(defectSentence(await defectView(db, project.id, defaultAsOfDate(period))));
  return out;
}

async function statusBlock(db: Db, project: Project, period: YearMonth): Promise<HtmlBlock | undefined> {
  const sentences = await projectStatusSentences(db, project, period);
  if (sentences.length === 0) return undefined;
  return { kind: 'html', id: `projects-${project.id}-status`, html: html`${sentences.map((s) => html`<p>${s}</p>`)}` };
}

async function milestonesBlock(db: Db, project: Project, period: YearMonth): Promise<TableBlock | undefined> {
  const lines = await milestoneLines(db, project.id, period);
  return lines.length > 0 ? milestoneTable(project, lines, period) : undefined;
}

async function defectsBlock(db: Db, project: Project, period: YearMonth): Promise<TableBlock | undefined> {
  if (!(await hasIssues(db, project.id))) return undefined;
  return defectTable(project, await defectView(db, project.id, defaultAsOfDate(period)));
}

async function overviewBlock(ctx: ReportBlockContext): Promise<ReportBlock[]> {
  const projects = (await listProjects(ctx.db)).filter(isActive);
  if (projects.length === 0) return [];
  const asOfDate = defaultAsOfDate(ctx.period);
  const rows = [];
  for (const p of projects) {
    const lines = await milestoneLines(ctx.db, p.id, ctx.period);
    const next = lines.filter((m) => !m.actual && m.planned).sort((a, b) => (a.planned ?? '').localeCompare(b.planned ?? ''))[0];
    const moved = lines.filter((m) => m.movedInPeriod).length;
    const d = (await hasIssues(ctx.db, p.id)) ? (await defectView(ctx.db, p.id, asOfDate)).all.open : null;
    const n = (v: number | undefined) => (v === undefined ? { value: null, text: '–' } : { value: v, text: formatNumber(v) });
    rows.push({
      cells: [
        { value: p.name, text: p.name },
        { value: p.phase, text: p.phase || '–' },
        { value: next ? `${next.id} ${next.planned}` : null, text: next?.planned ? `${next.id} ${formatDate(next.planned)}` : '–' },
        n(moved),
        n(d?.A),
        n(d?.B),
        n(d?.C),
      ],
    });
  }
  return [
    {
      kind: 'table',
      id: 'projects-overview',
      caption: `Aktive prosjekter: milepæler og åpne feil per ${formatDate(asOfDate)}`,
      columns: [
        { label: 'Prosjekt' },
        { label: 'Fase' },
        { label: 'Neste milepæl' },
        { label: 'Milepæler flyttet i perioden', align: 'right' },
        { label: 'A-feil', align: 'right' },
        { label: 'B-feil', align: 'right' },
        { label: 'C-feil', align: 'right' },
      ],
      rows,
      provenance: { importKinds: ['projects', 'milestones', 'jira', 'defect-classes'], rules: [] },
    },
  ];
}

export const projectReportBlocks: ReportBlockProvider[] = [
  { id: 'projects-overview', build: overviewBlock },
  perProject('project-status', statusBlock),
  perProject('project-milestones', milestonesBlock),
  perProject('project-defects', defectsBlock),
  perProject('project-payments', (db, p) => paymentTable(db, p)),
  perProject('project-risks', (db, p, period) => riskTable(db, p, period)),
];

/** Open A defects over all projects at the end of the period (Europe/Oslo); null without issues. */
async function openADefects(db: Db, period: YearMonth): Promise<number | null> {
  let total = 0;
  let any = false;
  const rules = await listRules(db);
  const asOf = parseAsOf(lastDayOfMonth(period));
  for (const p of await listProjects(db)) {
    const issues = await listIssues(db, p.id);
    if (issues.length === 0) continue;
    any = true;
    total += countOpen(issues, rules, { asOf }).open.A;
  }
  return any ? total : null;
}

export const projectKpis: KpiDefinition[] = [
  {
    id: 'projects.defects.A',
    label: 'Åpne A-feil i prosjektene',
    unit: 'count',
    decimals: 0,
    target: { op: '<=', value: 0 },
    compute: ({ db, period }) => openADefects(db, period),
  },
  {
    id: 'projects.milestones.moved',
    label: 'Prosjektmilepæler flyttet i måneden',
    unit: 'count',
    decimals: 0,
    async compute({ db, period }) {
      const any = await db.selectFrom('project_milestones').select('id').limit(1).executeTakeFirst();
      if (!any) return null;
      const { startMs, endMs } = monthBoundsMs(period);
      return countMovedMilestones(db, new Date(startMs).toISOString(), new Date(endMs).toISOString());
    },
  },
];
