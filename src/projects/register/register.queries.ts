/**
 * The register, and the two links the project section reads from other domains' tables by name
 * (never by importing them): finance's investment budgets and payment milestones, and the risk
 * register's risks whose scope is the project.
 */
import type { Db } from '../../storage/db.ts';
import type { Project } from './register.ts';

type ProjectRow = { id: string; name: string; owner: string; phase: string; investment_project: string | null; jira_key: string | null };

const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  owner: r.owner,
  phase: r.phase,
  investmentProject: r.investment_project,
  jiraKey: r.jira_key,
});

export async function listProjects(db: Db): Promise<Project[]> {
  const rows = await db.selectFrom('projects').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toProject);
}

export async function findProject(db: Db, id: string): Promise<Project | undefined> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProject(row) : undefined;
}

export async function upsertProjects(db: Db, projects: readonly Project[], now: string): Promise<void> {
  for (const p of projects) {
    const values = {
      name: p.name,
      owner: p.owner,
      phase: p.phase,
      investment_project: p.investmentProject,
      jira_key: p.jiraKey,
      updated_at: now,
    };
    const found = await db.selectFrom('projects').select('id').where('id', '=', p.id).executeTakeFirst();
    if (found) await db.updateTable('projects').set(values).where('id', '=', p.id).execute();
    else
      await db
        .insertInto('projects')
        .values({ id: p.id, ...values, created_at: now })
        .execute();
  }
}

export interface InvestmentLink {
  /** Sum of approved amounts over the budget years, øre. */
  frameOre: number;
  paymentMilestones: { budgetYear: number; milestone: string; amountOre: number; plannedDate: string; paidDate: string | null }[];
}

/** Finance's budget frame and payment milestones of an investment project; undefined when finance has none. */
export async function investmentLink(db: Db, investmentProject: string): Promise<InvestmentLink | undefined> {
  const budgets = await db
    .selectFrom('finance_investment_budgets')
    .select(['approved_ore'])
    .where('project', '=', investmentProject)
    .execute();
  const milestones = await db
    .selectFrom('finance_payment_milestones')
    .select(['budget_year', 'milestone', 'amount_ore', 'planned_date', 'paid_date'])
    .where('project', '=', investmentProject)
    .orderBy('planned_date')
    .execute();
  if (budgets.length === 0 && milestones.length === 0) return undefined;
  return {
    frameOre: budgets.reduce((s, b) => s + Number(b.approved_ore), 0),
    paymentMilestones: milestones.map((m) => ({
      budgetYear: m.budget_year,
      milestone: m.milestone,
      amountOre: Number(m.amount_ore),
      plannedDate: m.planned_date,
      paidDate: m.paid_date,
    })),
  };
}

export interface ProjectRisk {
  id: string;
  title: string;
  owner: string;
  /** Latest final assessment up to the period, if any. */
  probability: number | null;
  consequence: number | null;
  statusText: string;
}

/** Open risks of the register tagged with the project (scope = project id), with their latest assessment. */
export async function projectRisks(db: Db, project: string, period: string): Promise<ProjectRisk[]> {
  const risks = await db
    .selectFrom('risks')
    .select(['id', 'title', 'owner', 'closed'])
    .where('scope', '=', project)
    .orderBy('id')
    .execute();
  const out: ProjectRisk[] = [];
  for (const r of risks) {
    if (r.closed && r.closed.slice(0, 7) < period) continue;
    const a = await db
      .selectFrom('risk_assessments')
      .select(['probability', 'consequence', 'status_text'])
      .where('risk_id', '=', r.id)
      .where('period', '<=', period)
      .where('state', '=', 'final')
      .orderBy('period', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    out.push({
      id: r.id,
      title: r.title,
      owner: r.owner,
      probability: a?.probability ?? null,
      consequence: a?.consequence ?? null,
      statusText: a?.status_text ?? '',
    });
  }
  return out;
}
