/**
 * The report block `workforce-hiring`: hires and recruitments started in the month by unit and role.
 * Counts only: the board output never names a person.
 */
import type { ReportBlockProvider, TableBlock } from '../../report/blocks.ts';
import { formatMonth, formatNumber, formatPercent } from '../../shared/format.ts';
import { type HiringOverview, hiringOverview } from './hiring.section.ts';
import { countByUnitAndRole } from './hiring.ts';

const count = (n: number) => ({ value: n, text: formatNumber(n) });

export function hiringTable(o: HiringOverview): TableBlock {
  const hires = countByUnitAndRole(o.workforce.hires);
  const started = countByUnitAndRole(o.recruitments.started);
  const keys = new Map<string, { unit: string; role: string }>();
  for (const c of [...hires, ...started]) keys.set(`${c.unit}\u0000${c.role}`, { unit: c.unit, role: c.role });
  const sorted = [...keys.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'nb') || a.role.localeCompare(b.role, 'nb'));
  const find = (list: typeof hires, k: { unit: string; role: string }) =>
    list.find((c) => c.unit === k.unit && c.role === k.role)?.count ?? 0;
  const rows = sorted.map((k) => ({
    cells: [{ value: k.unit, text: k.unit }, { value: k.role, text: k.role }, count(find(hires, k)), count(find(started, k))],
  }));
  const w = o.workforce;
  const facts = [
    `Ved utgangen av ${formatMonth(o.period)}: ${formatNumber(w.headcount)} ansatte og ${formatNumber(w.fte, 1)} årsverk`,
    `${formatNumber(w.leavers.length)} fratredelser i måneden`,
    `${formatNumber(o.recruitments.open.length)} åpne stillinger`,
    ...(o.turnover === null ? [] : [`turnover siste 12 måneder ${formatPercent(o.turnover, 1)}`]),
  ];
  return {
    kind: 'table',
    id: 'workforce-hiring',
    caption: `Ansettelser og rekrutteringer satt i gang i ${formatMonth(o.period)}, per enhet og stilling`,
    columns: [
      { label: 'Enhet' },
      { label: 'Stilling' },
      { label: 'Ansatt', align: 'right' },
      { label: 'Rekruttering startet', align: 'right' },
    ],
    rows: [
      ...(rows.length > 0
        ? rows
        : [
            {
              cells: [
                { value: 'Ingen', text: 'Ingen ansettelser eller nye rekrutteringer' },
                { value: null, text: '' },
                count(0),
                count(0),
              ],
            },
          ]),
      {
        total: true,
        cells: [{ value: 'Sum', text: 'Sum' }, { value: null, text: '' }, count(w.hires.length), count(o.recruitments.started.length)],
      },
    ],
    note: `${facts.join('; ')}. En ansettelse er første dag i et ansettelsesforhold i ansattregisteret; en rekruttering er startet på datoen i rekrutteringsregisteret.`,
    provenance: {
      importKinds: ['employees', 'recruitments'],
      rules: [
        'Ansettelser og fratredelser telles fra ansettelsesperiodene i ansattregisteret; endret stillingsbrøk er ikke en ny ansettelse.',
      ],
    },
  };
}

export const hiringReportBlocks: ReportBlockProvider[] = [
  {
    id: 'workforce-hiring',
    async build(ctx) {
      const o = await hiringOverview(ctx.db, ctx.period);
      return o.hasEmployees || o.hasRecruitments ? [hiringTable(o)] : [];
    },
  },
];
