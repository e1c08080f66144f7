/**
 * The registered-figures demo: the employee survey's response rate of the May 2025 report
 * (demo-targets.md), imported as HR would register it on 4 June 2025. The figure lives here only.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoContext } from '../module.ts';

/** When HR registered the survey result (before the May report's cut-off). */
export const DEMO_REGISTERED_AT = '2025-06-04T08:30:00.000Z';

export const DEMO_FIGURES_CSV = [
  'figure;period;value;source;label;unit;decimals',
  'survey.responseRate;2025-05;75;Medarbeiderundersøkelsen ForBedring, sluttrapport fra leverandøren;Svarprosent medarbeiderundersøkelsen;percent;0',
].join('\n');

export async function runFiguresDemo(ctx: DemoContext): Promise<void> {
  const path = join(ctx.dir, 'registrerte-tall.csv');
  await writeFile(path, `${DEMO_FIGURES_CSV}\n`);
  const result = await ctx.importFile('registered-figures', path, { now: DEMO_REGISTERED_AT, importedBy: 'HR-rådgiver (demo)' });
  ctx.log(`Registrerte tall: ${result.rowCount} tall importert (svarprosent medarbeiderundersøkelsen)`);
}
