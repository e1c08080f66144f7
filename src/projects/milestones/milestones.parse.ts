/** A milestones CSV row: `project;milestone;name;kind;baseline;planned;actual;amount;follows;reason`. */
import { parseNok } from '../../shared/money.ts';
import { type IsoDate, isIsoDate } from '../../shared/period.ts';
import { MILESTONE_KINDS, type Milestone, type MilestoneKind } from './milestones.ts';

/** `YYYY-MM-DD` or `DD.MM.YYYY` → ISO date; '' → null; anything else → undefined. */
export function parseDate(text: string): IsoDate | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = m ? `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}` : t;
  return isIsoDate(iso) ? iso : undefined;
}

export interface MilestoneRow extends Milestone {
  reason: string;
}

export interface FieldProblem {
  column: string;
  message: string;
  messageEn: string;
}

export function parseMilestoneRow(values: Record<string, string | undefined>): { row?: MilestoneRow; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const v = (k: string) => (values[k] ?? '').trim();
  const bad = (column: string, message: string, messageEn: string) => problems.push({ column, message, messageEn });
  const project = v('project');
  const id = v('milestone');
  if (!project) bad('project', 'prosjekt mangler', 'project missing');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(id)) bad('milestone', `ugyldig milepæl-ID «${id}»`, 'invalid milestone id');
  const kindText = v('kind').toLowerCase() || 'other';
  if (!(MILESTONE_KINDS as readonly string[]).includes(kindText)) {
    bad('kind', `ukjent type «${v('kind')}»; bruk ${MILESTONE_KINDS.join(', ')}`, 'unknown kind');
  }
  const date = (k: string) => {
    const d = parseDate(v(k));
    if (d === undefined) bad(k, `ugyldig dato «${v(k)}»; bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ`, 'invalid date (YYYY-MM-DD or DD.MM.YYYY)');
    return d ?? null;
  };
  const baseline = date('baseline');
  const planned = date('planned');
  const actual = date('actual');
  let amountOre: number | null = null;
  if (v('amount') !== '') {
    const ore = parseNok(v('amount'));
    if (ore === undefined) bad('amount', `ugyldig beløp «${v('amount')}»`, 'invalid amount');
    else amountOre = ore;
  }
  const follows = v('follows') || null;
  if (follows !== null && follows === id) bad('follows', 'en milepæl kan ikke følge seg selv', 'a milestone cannot follow itself');
  if (problems.length > 0) return { problems };
  return {
    problems,
    row: {
      project,
      id,
      name: v('name') || id,
      kind: kindText as MilestoneKind,
      baseline,
      planned,
      actual,
      amountOre,
      follows,
      reason: v('reason'),
    },
  };
}
