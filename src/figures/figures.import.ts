import { problem } from '../imports/decode.ts';
import { defineTableImporter } from '../imports/table-importer.ts';
import { FIGURE_COLUMNS, type FigureRow, parseFigureRow } from './figures.parse.ts';
import { findFigureDefinitions, saveFigureDefinition, saveFigureValue } from './figures.queries.ts';

/** `styrerom import registered-figures <file>`: each row registers a value (audited like an edit in the web app). */
export const figuresImporter = defineTableImporter<FigureRow>({
  kind: 'registered-figures',
  label: 'Registrerte tall',
  description: 'Registered figures: figure;period;value;source[;label;unit;decimals] (label and unit define a new figure)',
  columns: FIGURE_COLUMNS,
  parseRow: parseFigureRow,
  async validate(rows, ctx) {
    const known = new Set((await findFigureDefinitions(ctx.trx)).map((d) => d.id));
    for (const { row } of rows) if (row.definition) known.add(row.definition.id);
    const seen = new Map<string, number>();
    return rows.flatMap(({ line, row }) => {
      const out = [];
      if (!known.has(row.value.figureId)) {
        out.push(
          problem(
            ctx.source.fileName,
            `tallet «${row.value.figureId}» er ikke definert: legg til kolonnene label og unit, eller definer det i nettleseren`,
            `figure "${row.value.figureId}" is not defined`,
            { line, column: 'figure' },
          ),
        );
      }
      const key = `${row.value.figureId} ${row.value.period}`;
      const before = seen.get(key);
      if (before !== undefined) {
        out.push(
          problem(
            ctx.source.fileName,
            `${row.value.figureId} for ${row.value.period} står også på linje ${before}`,
            `duplicate of line ${before}`,
            {
              line,
              column: 'period',
            },
          ),
        );
      }
      seen.set(key, line);
      return out;
    });
  },
  async write(trx, rows, ctx) {
    for (const r of rows) if (r.definition) await saveFigureDefinition(trx, r.definition);
    for (const r of rows) await saveFigureValue(trx, r.value, { at: ctx.now, by: ctx.importedBy, importRunId: ctx.runId });
  },
});
