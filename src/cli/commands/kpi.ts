import { evaluateRegistry, kpiDocument, requireData } from '../../kpi/registry.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { parseCommandArgs } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';
import { kpiTable } from '../kpi-table.ts';

export const kpiCommand: BuiltinCommand = {
  name: 'kpi',
  summary: 'Viser alle nøkkeltall (KPI-er) for en måned',
  usage: `Bruk: styrerom kpi [--period ÅÅÅÅ-MM] [--json] [--database <url>]

Beregner hvert nøkkeltall alle domener har registrert, for måneden.
  --period ÅÅÅÅ-MM  måneden (ellers STYREROM_PERIOD, ellers forrige måned)
  --json            skriver { "period", "kpis": [ { "id", "label", "value", "unit", "target", "status" } ] };
                    value er uavrundet, status er "met", "not-met" eller "none"
Uten data for måneden (ingen nøkkeltall kan beregnes) avslutter kommandoen med kode 13.`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs('kpi', argv, { period: { type: 'string' }, json: { type: 'boolean' } });
    const period = resolvePeriod({ period: values.period }, ctx.config);
    const { db } = await ctx.openDb();
    const evaluated = await evaluateRegistry(ctx.domains, { db, period });
    requireData(evaluated, period, 'det er ingenting å vise');
    ctx.stdout(values.json ? `${JSON.stringify(kpiDocument(period, evaluated), null, 2)}\n` : kpiTable(period, evaluated));
    return 0;
  },
};
