import type { CliCommand } from '../../module.ts';
import { STATUS_LABELS } from '../model.ts';
import { listPublications } from '../publication.queries.ts';
import { workflowEvents, workflowState } from '../workflow.queries.ts';
import { parse, requirePeriod, withReportDeps } from './support.ts';

export const reportStatusCommand: CliCommand = {
  name: 'report status',
  summary: 'Viser status, historikk og publiserte versjoner for en periodes rapport',
  usage: `Bruk: styrerom report status --period ÅÅÅÅ-MM [--json]`,
  async run(argv, ctx) {
    const { values } = parse('report status', argv, { period: { type: 'string' }, json: { type: 'boolean' } });
    const period = requirePeriod('report status', values.period);
    const doc = await withReportDeps(ctx, async ({ db }) => ({
      ...(await workflowState(db, period)),
      events: await workflowEvents(db, period),
      publications: await listPublications(db, period),
    }));
    if (values.json) {
      ctx.stdout(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    ctx.stdout(`${period}: ${STATUS_LABELS[doc.status]} (versjon ${doc.version})\n`);
    for (const e of doc.events) {
      const from = e.from ? STATUS_LABELS[e.from].toLowerCase() : '–';
      ctx.stdout(
        `  ${e.at}  v${e.version}  ${from} → ${STATUS_LABELS[e.to].toLowerCase()}  ${e.actor}${e.comment ? `  «${e.comment}»` : ''}\n`,
      );
    }
    for (const p of doc.publications) {
      const state = p.supersededAt ? `erstattet ${p.supersededAt}` : 'gjeldende';
      ctx.stdout(`  publisert v${p.version} ${p.publishedAt} av ${p.publishedBy} (${state}); pdf sha256 ${p.pdfSha256}\n`);
    }
    return 0;
  },
};
