/** The AML KPIs: breaches in the month (with the indicator), year to date, and per rule. */
import type { KpiDefinition } from '../../kpi/kpi.ts';
import { amlCounts } from './aml.section.ts';
import { RULE_LABELS } from './aml-labels.ts';
import { AML_RULES, type AmlSettings, DEFAULT_AML_SETTINGS } from './aml-model.ts';

export function amlKpis(settings: AmlSettings = DEFAULT_AML_SETTINGS): KpiDefinition[] {
  const counts = (ctx: Parameters<KpiDefinition['compute']>[0]) =>
    amlCounts(ctx.db, { period: ctx.period, knownAt: ctx.knownAt, settings });
  return [
    {
      id: 'workforce.aml.month',
      label: 'AML-brudd (måned)',
      unit: 'count',
      decimals: 0,
      target: settings.indicator,
      compute: async (ctx) => (await counts(ctx))?.month ?? null,
    },
    {
      id: 'workforce.aml.ytd',
      label: 'AML-brudd hittil i år',
      unit: 'count',
      decimals: 0,
      compute: async (ctx) => (await counts(ctx))?.ytd ?? null,
    },
    ...AML_RULES.map(
      (rule): KpiDefinition => ({
        id: `workforce.aml.month.${rule}`,
        label: `AML-brudd: ${RULE_LABELS[rule].toLowerCase()}`,
        unit: 'count',
        decimals: 0,
        compute: async (ctx) => (await counts(ctx))?.byRule[rule] ?? null,
      }),
    ),
  ];
}
