/**
 * The project tables shown in the report, on the page and as CSV/XLSX: milestones (moved ones
 * marked with reason), open defects by class as of a date, payment milestones from finance and the
 * project's risks. Built from the views; nothing typed by hand.
 */
import type { Provenance, TableBlock, TableCell } from '../report/blocks.ts';
import { formatDate, formatNok, formatNumber, formatQuantity } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { listIssues } from './defects/defects.queries.ts';
import { latestRelease } from './defects/defects.ts';
import { KIND_LABELS } from './milestones/milestones.ts';
import { type DefectStatus, defectStatus, type MilestoneLine, milestoneLines, parseAsOf } from './projects.views.ts';
import { investmentLink, projectRisks } from './register/register.queries.ts';
import type { Project } from './register/register.ts';

const text = (value: string | null): TableCell => ({ value, text: value ?? '–' });
const date = (value: string | null): TableCell => ({ value, text: value ? formatDate(value) : '–' });
const count = (value: number): TableCell => ({ value, text: formatNumber(value) });
const money = (ore: number | null): TableCell => ({ value: ore === null ? null : ore / 100, text: ore === null ? '' : formatNok(ore) });

const PROVENANCE_MILESTONES: Provenance = {
  importKinds: ['projects', 'milestones'],
  rules: [
    'Slipp = planlagt dato − opprinnelig dato i kalenderdager. En milepæl er flyttet i perioden når en endring av planlagt dato er registrert i måneden.',
  ],
};
const PROVENANCE_DEFECTS: Provenance = {
  importKinds: ['jira', 'defect-classes'],
  rules: [
    'Åpen per et tidspunkt: opprettet senest da og ikke løst før da. Klasse etter reglene i rekkefølge: eget felt, etikett, prioritet (standard: Highest/Blocker/Critical = A, High/Major = B, Medium/Low/Lowest/Minor/Trivial = C).',
  ],
};

export function movedText(m: MilestoneLine, period: YearMonth | undefined): string {
  if (!period || !m.movedInPeriod) return '–';
  const reasons = m.history.filter((h) => h.changedAt && h.reason).map((h) => h.reason);
  return `Flyttet${reasons.length > 0 ? `: ${reasons.at(-1)}` : ''}`;
}

export function milestoneTable(project: Project, lines: readonly MilestoneLine[], period?: YearMonth): TableBlock {
  return {
    kind: 'table',
    id: `projects-${project.id}-milestones`,
    caption: `Milepæler i ${project.name}`,
    columns: [
      { label: 'Milepæl' },
      { label: 'Type' },
      { label: 'Opprinnelig dato' },
      { label: 'Planlagt dato' },
      { label: 'Faktisk dato' },
      { label: 'Slipp (dager)', align: 'right' },
      { label: 'Beløp', align: 'right' },
      { label: period ? 'Endret i perioden' : 'Endret' },
    ],
    rows: lines.map((m) => ({
      cells: [
        { value: m.id, text: `${m.id} ${m.name}`.trim() },
        text(KIND_LABELS[m.kind]),
        date(m.baseline),
        date(m.planned),
        date(m.actual),
        m.slipDays === null ? text(null) : count(m.slipDays),
        money(m.amountOre),
        text(period ? movedText(m, period) : m.history.length > 0 ? formatQuantity(m.history.length, 'endring', 'endringer') : '–'),
      ],
    })),
    provenance: PROVENANCE_MILESTONES,
  };
}

export interface DefectView {
  asOfDate: string;
  latest: DefectStatus | null;
  all: DefectStatus;
}

export async function defectView(db: Db, project: string, asOfDate: string): Promise<DefectView> {
  const asOf = parseAsOf(asOfDate);
  const release = latestRelease(await listIssues(db, project));
  return {
    asOfDate,
    latest: release ? await defectStatus(db, { project, asOf, release }) : null,
    all: await defectStatus(db, { project, asOf }),
  };
}

export function defectTable(project: Project, view: DefectView): TableBlock {
  const row = (label: string, s: DefectStatus) => ({
    cells: [text(label), count(s.open.A), count(s.open.B), count(s.open.C), count(s.open.unclassified), count(s.total)],
  });
  return {
    kind: 'table',
    id: `projects-${project.id}-defects`,
    caption: `Åpne feil i ${project.name} per ${formatDate(view.asOfDate)}`,
    columns: [
      { label: 'Versjon' },
      { label: 'A-feil', align: 'right' },
      { label: 'B-feil', align: 'right' },
      { label: 'C-feil', align: 'right' },
      { label: 'Uklassifisert', align: 'right' },
      { label: 'Sum', align: 'right' },
    ],
    rows: [
      ...(view.latest ? [row(`Siste versjon (${view.latest.release})`, view.latest)] : []),
      { ...row('Alle versjoner', view.all), total: true },
    ],
    ...(view.all.unclassified.length > 0
      ? { note: `Uklassifisert (ingen regel traff): ${view.all.unclassified.map((i) => i.key).join(', ')}.` }
      : {}),
    provenance: PROVENANCE_DEFECTS,
  };
}

export async function paymentTable(db: Db, project: Project): Promise<TableBlock | undefined> {
  if (!project.investmentProject) return undefined;
  const link = await investmentLink(db, project.investmentProject);
  if (!link || link.paymentMilestones.length === 0) return undefined;
  return {
    kind: 'table',
    id: `projects-${project.id}-payments`,
    caption: `Betalingsmilepæler for ${project.name} (investeringsprosjekt ${project.investmentProject})`,
    columns: [
      { label: 'Betalingsmilepæl' },
      { label: 'Budsjettår', align: 'right' },
      { label: 'Beløp', align: 'right' },
      { label: 'Planlagt' },
      { label: 'Betalt' },
    ],
    rows: link.paymentMilestones.map((m) => ({
      cells: [
        text(m.milestone),
        { value: m.budgetYear, text: String(m.budgetYear) },
        money(m.amountOre),
        date(m.plannedDate),
        date(m.paidDate),
      ],
    })),
    note: `Godkjent ramme over alle budsjettår: ${formatNok(link.frameOre)}.`,
    provenance: {
      importKinds: ['investment-budgets', 'payment-milestones'],
      rules: ['Rammen er summen av godkjente beløp over budsjettårene i økonomimodulens investeringsbudsjett.'],
    },
  };
}

export async function riskTable(db: Db, project: Project, period: YearMonth): Promise<TableBlock | undefined> {
  const risks = await projectRisks(db, project.id, period);
  if (risks.length === 0) return undefined;
  return {
    kind: 'table',
    id: `projects-${project.id}-risks`,
    caption: `Prosjektrisikoer i ${project.name} (fra risikoregisteret)`,
    columns: [{ label: 'ID' }, { label: 'Risiko' }, { label: 'Eier' }, { label: 'Skår', align: 'right' }, { label: 'Status' }],
    rows: risks.map((r) => ({
      cells: [
        text(r.id),
        text(r.title),
        text(r.owner || null),
        r.probability !== null && r.consequence !== null
          ? { value: r.probability * r.consequence, text: `${r.probability * r.consequence} (S${r.probability}×K${r.consequence})` }
          : { value: null, text: 'Ikke vurdert' },
        text(r.statusText || null),
      ],
    })),
    provenance: { importKinds: ['risks', 'risk-assessments'], rules: ['Åpne risikoer i risikoregisteret med prosjektets ID som omfang.'] },
  };
}

export async function projectMilestoneLines(db: Db, project: Project, period?: YearMonth): Promise<MilestoneLine[]> {
  return milestoneLines(db, project.id, period);
}
