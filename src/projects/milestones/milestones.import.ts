/** `styrerom import milestones <file>`: `project;milestone;name;kind;baseline;planned;actual;amount;follows;reason`. */
import { problem } from '../../imports/decode.ts';
import { defineTableImporter } from '../../imports/table-importer.ts';
import type { Problem } from '../../shared/errors.ts';
import { type MilestoneRow, parseMilestoneRow } from './milestones.parse.ts';
import { applyMilestoneRows } from './milestones.plan.ts';
import { listMilestones, saveMilestones } from './milestones.queries.ts';

export const milestonesImporter = defineTableImporter<MilestoneRow>({
  kind: 'milestones',
  label: 'Prosjektmilepæler',
  description:
    'Project milestones: project;milestone;name;kind;baseline;planned;actual;amount;follows;reason (a new planned date is kept as a change).',
  columns: [
    { name: 'project' },
    { name: 'milestone' },
    { name: 'name', required: false },
    { name: 'kind', required: false },
    { name: 'baseline', required: false },
    { name: 'planned' },
    { name: 'actual', required: false },
    { name: 'amount', required: false },
    { name: 'follows', required: false },
    { name: 'reason', required: false },
  ],
  parseRow(record, ctx) {
    const { row, problems } = parseMilestoneRow(record.values);
    for (const p of problems) ctx.problem(p.column, p.message, p.messageEn);
    return row;
  },
  async validate(rows, ctx) {
    const file = ctx.source.fileName;
    const out: Problem[] = [];
    const projects = new Set((await ctx.trx.selectFrom('projects').select('id').execute()).map((p) => p.id));
    const seen = new Set<string>();
    for (const { line, row } of rows) {
      if (!projects.has(row.project)) {
        out.push(
          problem(file, `prosjektet «${row.project}» finnes ikke i prosjektregisteret; importer det først (projects)`, 'unknown project', {
            line,
            column: 'project',
          }),
        );
      }
      const key = `${row.project}/${row.id}`;
      if (seen.has(key))
        out.push(
          problem(file, `milepælen ${row.id} i ${row.project} står flere ganger i fila`, 'duplicate milestone', {
            line,
            column: 'milestone',
          }),
        );
      seen.add(key);
    }
    for (const project of new Set(rows.map((r) => r.row.project))) {
      const own = rows.filter((r) => r.row.project === project);
      const ids = new Set([...(await listMilestones(ctx.trx, project)).map((m) => m.id), ...own.map((r) => r.row.id)]);
      for (const { line, row } of own) {
        if (row.follows && !ids.has(row.follows)) {
          out.push(
            problem(file, `milepælen «${row.follows}» som ${row.id} skal følge, finnes ikke i ${project}`, 'unknown follows', {
              line,
              column: 'follows',
            }),
          );
        }
      }
      const stored = await listMilestones(ctx.trx, project);
      const applied = applyMilestoneRows(
        stored,
        own.map((r) => r.row),
        { at: ctx.now, by: ctx.importedBy },
      );
      for (const i of applied.missingReason) {
        out.push(
          problem(file, `ny planlagt dato for ${own[i]?.row.id} uten begrunnelse; fyll inn «reason»`, 'a new planned date needs a reason', {
            line: own[i]?.line,
            column: 'reason',
          }),
        );
      }
    }
    return out;
  },
  async write(trx, rows, ctx) {
    for (const project of new Set(rows.map((r) => r.project))) {
      const stored = await listMilestones(trx, project);
      const applied = applyMilestoneRows(
        stored,
        rows.filter((r) => r.project === project),
        { at: ctx.now, by: ctx.importedBy },
      );
      await saveMilestones(trx, applied.milestones, applied.changes, { now: ctx.now, importRunId: ctx.runId });
    }
  },
});
