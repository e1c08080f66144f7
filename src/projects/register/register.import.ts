/** `styrerom import projects <file>`: the register, `id;name;owner;phase;investment_project;jira_key`. */
import { problem } from '../../imports/decode.ts';
import { defineTableImporter } from '../../imports/table-importer.ts';
import { upsertProjects } from './register.queries.ts';
import type { Project } from './register.ts';
import { parseProject } from './register.ts';

export const projectsImporter = defineTableImporter<Project>({
  kind: 'projects',
  label: 'Prosjektregister',
  description: 'Project register: id;name;owner;phase;investment_project;jira_key (create or update).',
  columns: [
    { name: 'id' },
    { name: 'name' },
    { name: 'owner', required: false },
    { name: 'phase', required: false },
    { name: 'investment_project', required: false },
    { name: 'jira_key', required: false },
  ],
  parseRow(record, ctx) {
    const { project, problems } = parseProject(record.values);
    for (const p of problems) ctx.problem(p.column, p.message, p.messageEn);
    return project;
  },
  validate(rows, ctx) {
    const seen = new Map<string, number>();
    return rows.flatMap(({ line, row }) => {
      const first = seen.get(row.id);
      seen.set(row.id, first ?? line);
      return first === undefined
        ? []
        : [
            problem(ctx.source.fileName, `prosjekt-ID «${row.id}» står også på linje ${first}`, 'duplicate project id', {
              line,
              column: 'id',
            }),
          ];
    });
  },
  async write(trx, rows, ctx) {
    await upsertProjects(trx, rows, ctx.now);
  },
});
