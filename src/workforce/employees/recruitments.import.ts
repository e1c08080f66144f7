import { problem } from '../../imports/decode.ts';
import { defineTableImporter } from '../../imports/table-importer.ts';
import type { Recruitment } from './hiring.ts';
import { parseRecruitmentRow, RECRUITMENT_COLUMNS } from './recruitments.parse.ts';
import { saveRecruitments } from './recruitments.queries.ts';

/** `styrerom import recruitments <file>`: a row replaces the stored recruitment of the same position. */
export const recruitmentsImporter = defineTableImporter<Recruitment>({
  kind: 'recruitments',
  label: 'Rekrutteringer',
  description: 'Recruitments: position;unit;role;started;status;filled_on (status open/filled/cancelled or åpen/besatt/avbrutt)',
  columns: RECRUITMENT_COLUMNS,
  parseRow: parseRecruitmentRow,
  validate: (rows, ctx) => {
    const seen = new Map<string, number>();
    return rows.flatMap(({ line, row }) => {
      const before = seen.get(row.position);
      seen.set(row.position, line);
      return before === undefined
        ? []
        : [
            problem(
              ctx.source.fileName,
              `stillingen «${row.position}» står også på linje ${before}`,
              `position "${row.position}" also on line ${before}`,
              {
                line,
                column: 'position',
              },
            ),
          ];
    });
  },
  write: (trx, rows, ctx) => saveRecruitments(trx, rows, { now: ctx.now, by: ctx.importedBy, importRunId: ctx.runId }),
});
