/** `styrerom audit list|prune`: the audit trail from the command line. */
import { listAudit, pruneAudit } from '../../auth/audit.queries.ts';
import { parseCommandArgs } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';

export const auditListCommand: BuiltinCommand = {
  name: 'audit list',
  summary: 'Viser revisjonsloggen (nyeste først)',
  usage: `Bruk: styrerom audit list [--since <ÅÅÅÅ-MM-DD|tidspunkt>] [--action <hendelse>] [--limit N] [--json]`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs('audit list', argv, {
      since: { type: 'string' },
      action: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    const { db } = await ctx.openDb();
    const entries = await listAudit(db, {
      ...(values.since ? { since: values.since } : {}),
      ...(values.action ? { action: values.action } : {}),
      limit: values.limit ? Number(values.limit) : 500,
    });
    if (values.json) ctx.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    else if (entries.length === 0) ctx.stdout('Ingen hendelser.\n');
    else {
      for (const e of entries) {
        ctx.stdout(
          `${e.at}\t${e.actor ?? '–'}\t${e.address ?? '–'}\t${e.action}\t${e.target ?? ''}${e.detail ? `\t${JSON.stringify(e.detail)}` : ''}\n`,
        );
      }
    }
    return 0;
  },
};

export const auditPruneCommand: BuiltinCommand = {
  name: 'audit prune',
  summary: 'Sletter hendelser eldre enn oppbevaringstiden (STYREROM_AUDIT_RETENTION_DAYS)',
  usage: 'Bruk: styrerom audit prune',
  async run(argv, ctx) {
    parseCommandArgs('audit prune', argv, {});
    const days = ctx.config.auth.auditRetentionDays;
    const { db } = await ctx.openDb();
    if (days === 0) {
      ctx.stdout('Oppbevaringstiden er ikke satt (STYREROM_AUDIT_RETENTION_DAYS=0): ingenting slettet.\n');
      return 0;
    }
    const n = await pruneAudit(db, new Date(), days);
    ctx.stdout(`Slettet ${n} hendelser eldre enn ${days} dager.\n`);
    return 0;
  },
};
