/**
 * The report's demo step (runs last, order 90): stores the demo organisation's template and the
 * May 2025 narratives, then builds the report when the runner passes config and domains.
 */
import { join } from 'node:path';
import type { DemoContext } from '../module.ts';
import { buildReport } from './build.ts';

export async function reportDemo(ctx: DemoContext): Promise<void> {
  if (!ctx.config || !ctx.domains) {
    ctx.log('Rapporten bygges ikke: demo-kjøreren ga ikke konfigurasjon og domeneliste.');
    return;
  }
  const outDir = join(ctx.config.dataDir, 'rapport', ctx.period);
  const result = await buildReport({ config: ctx.config, db: ctx.db, domains: ctx.domains }, { period: ctx.period, outDir });
  ctx.log(
    `Rapporten for ${ctx.period} er bygget i ${outDir} (${result.model.figures.length} figurer, ${result.model.tables.length} tabeller).`,
  );
}
