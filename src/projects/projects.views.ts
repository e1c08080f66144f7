/**
 * What the CLI, the API, the web page and the report show of a project, assembled from the queries
 * and the pure engines. Every figure here is computed from stored raw data.
 */
import { AppError } from '../shared/errors.ts';
import { addDays, type IsoDate, isIsoDate, startOfDayMs, type YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { listIssues, listRules } from './defects/defects.queries.ts';
import { countOpen, type DefectCounts, type JiraIssue } from './defects/defects.ts';
import { parseDate } from './milestones/milestones.parse.ts';
import { listChanges, listMilestones } from './milestones/milestones.queries.ts';
import { type Milestone, movedInMonth, type PlannedChange, slipDays } from './milestones/milestones.ts';
import { findProject } from './register/register.queries.ts';
import type { Project } from './register/register.ts';

export async function requireProject(db: Db, id: string): Promise<Project> {
  const p = await findProject(db, id);
  if (!p) throw new AppError('NOT_FOUND', `Prosjektet «${id}» finnes ikke i prosjektregisteret`, { details: { project: id } });
  return p;
}

/**
 * `--as-of`: an ISO instant as given, or a date (YYYY-MM-DD or DD.MM.YYYY) meaning the end of that
 * day in Europe/Oslo, so "per 01.06" counts what was reported during 1 June.
 */
export function parseAsOf(text: string): string {
  const t = text.trim();
  const date = parseDate(t);
  if (date) return new Date(startOfDayMs(addDays(date, 1)) - 1).toISOString();
  if (/^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(Date.parse(t))) return new Date(Date.parse(t)).toISOString();
  throw new AppError('VALIDATION', `Ugyldig tidspunkt «${text}»: bruk ÅÅÅÅ-MM-DD, DD.MM.ÅÅÅÅ eller et ISO-tidspunkt`);
}

export interface DefectStatus {
  project: string;
  asOf: string;
  release: string | null;
  open: DefectCounts;
  total: number;
  unclassified: { key: string; summary: string; priority: string | null }[];
}

export async function defectStatus(
  db: Db,
  q: { project: string; asOf: string; release?: string | null | undefined },
): Promise<DefectStatus> {
  await requireProject(db, q.project);
  const issues: JiraIssue[] = await listIssues(db, q.project);
  const s = countOpen(issues, await listRules(db), { asOf: q.asOf, release: q.release });
  return {
    project: q.project,
    asOf: q.asOf,
    release: q.release ?? null,
    open: s.open,
    total: s.total,
    unclassified: s.unclassified.map((i) => ({ key: i.key, summary: i.summary, priority: i.priority })),
  };
}

export async function hasIssues(db: Db, project: string): Promise<boolean> {
  const row = await db.selectFrom('project_issues').select('id').where('project', '=', project).limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface MilestoneLine extends Milestone {
  slipDays: number | null;
  /** Moved in the period asked for (false when none was given). */
  movedInPeriod: boolean;
  history: Omit<PlannedChange, 'project' | 'milestone'>[];
}

export async function milestoneLines(db: Db, project: string, period?: YearMonth): Promise<MilestoneLine[]> {
  await requireProject(db, project);
  const changes = await listChanges(db, project);
  return (await listMilestones(db, project)).map((m) => ({
    ...m,
    slipDays: slipDays(m),
    movedInPeriod: period ? movedInMonth(m, changes, period) : false,
    history: changes.filter((c) => c.milestone === m.id).map(({ project: _p, milestone: _m, ...rest }) => rest),
  }));
}

/** The report's and page's default "as of": the first day after the period (the seed's "per 01.06"). */
export function defaultAsOfDate(period: YearMonth): IsoDate {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return isIsoDate(next) ? next : `${period}-01`;
}
