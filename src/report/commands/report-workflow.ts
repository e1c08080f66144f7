import type { CliCommand } from '../../module.ts';
import { STATUS_LABELS } from '../model.ts';
import { changeStatus, publishReport } from '../publication.ts';
import { ACTIONS, type WorkflowAction } from '../workflow.ts';
import { actor, parse, requirePeriod, withReportDeps } from './support.ts';

const HELP: Record<WorkflowAction, string> = {
  submit: 'Sender et utkast til gjennomgang.',
  approve: 'Godkjenner en rapport som er til gjennomgang.',
  reject: 'Sender rapporten tilbake til utkast (fra gjennomgang eller godkjent).',
  publish: 'Publiserer en godkjent rapport: HTML, PDF, data og verdiene lagres med SHA-256 og endres aldri.',
  revise: 'Lager en ny versjon (utkast) av en publisert rapport; den publiserte blir stående til den nye publiseres.',
};

function workflowCommand(action: WorkflowAction): CliCommand {
  const name = `report ${action}`;
  return {
    name,
    summary: `${ACTIONS[action].label} (månedsrapport)`,
    usage: `Bruk: styrerom ${name} --period ÅÅÅÅ-MM [--by <navn>] [--comment <tekst>]

${HELP[action]}
  --by <navn>        hvem som gjør det (standard: brukeren i operativsystemet)
  --comment <tekst>  kommentar i historikken`,
    async run(argv, ctx) {
      const { values } = parse(name, argv, { period: { type: 'string' }, by: { type: 'string' }, comment: { type: 'string' } });
      const period = requirePeriod(name, values.period);
      const who = { actor: actor(values.by), comment: values.comment };
      await withReportDeps(ctx, async (deps) => {
        if (action === 'publish') {
          const { publication } = await publishReport(deps, period, who);
          ctx.stdout(`Publisert ${period} versjon ${publication.version}.\n`);
          ctx.stdout(
            `  report.html sha256 ${publication.htmlSha256}\n  report.pdf  sha256 ${publication.pdfSha256}\n  values.json sha256 ${publication.valuesSha256}\n`,
          );
        } else {
          const state = await changeStatus(deps, period, action, who);
          ctx.stdout(`Rapporten for ${period} er nå: ${STATUS_LABELS[state.status].toLowerCase()} (versjon ${state.version}).\n`);
        }
      });
      return 0;
    },
  };
}

export const workflowCommands: CliCommand[] = (['submit', 'approve', 'reject', 'publish', 'revise'] as const).map(workflowCommand);
