/**
 * The hiring demo: the recruitment register of the demo organisation, imported through the real
 * importer. The employees (with the May 2025 hires) come from the working-time demo's employee file;
 * this file adds the recruitments. Target figures of the May 2025 report (demo-targets.md): two hires
 * (the employee register, see aml-demo-org.ts) and one recruitment started (Servicedesk, driftsingeniør).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoContext } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { formatMonth } from '../../shared/format.ts';
import { hiringOverview } from '../employees/hiring.section.ts';
import { DEMO_HIRE_DATES } from './aml-demo-org.ts';

/** position;unit;role;started;status;filled_on — the two Nødnett positions were filled by the May hires. */
export const DEMO_RECRUITMENTS = [
  'position;unit;role;started;status;filled_on',
  'ND-2024-07;Drift;Driftsingeniør;2024-09-02;avbrutt;',
  'ND-2025-01;Nødnett;Teknisk spesialist;2025-01-13;besatt;' + DEMO_HIRE_DATES[0],
  'ND-2025-02;Nødnett;Spesialist (brukermiljø);2025-02-03;besatt;' + DEMO_HIRE_DATES[1],
  'PR-2025-01;Prosjekt;Prosjektleder;2025-03-17;åpen;',
  'SD-2025-01;Servicedesk;Driftsingeniør;2025-05-12;åpen;',
];

/** May 2025: hires and recruitments started as in the report. */
const TARGETS = { hires: 2, started: 1 };

export async function runHiringDemo(ctx: DemoContext): Promise<void> {
  const path = join(ctx.dir, 'rekrutteringer.csv');
  await writeFile(path, `${DEMO_RECRUITMENTS.join('\n')}\n`);
  const result = await ctx.importFile('recruitments', path);
  const o = await hiringOverview(ctx.db, ctx.period);
  const got = { hires: o.workforce.hires.length, started: o.recruitments.started.length };
  if (ctx.period === '2025-05' && (got.hires !== TARGETS.hires || got.started !== TARGETS.started)) {
    throw new AppError(
      'INTERNAL',
      `Ansettelsesdemoen traff ikke målene (demo missed its targets): ${JSON.stringify({ got, want: TARGETS })}`,
    );
  }
  ctx.log(
    `Ansettelser: ${result.rowCount} rekrutteringer importert; ${formatMonth(ctx.period)}: ${got.hires} ${got.hires === 1 ? 'ansettelse' : 'ansettelser'}, ${got.started} ${got.started === 1 ? 'rekruttering' : 'rekrutteringer'} startet`,
  );
}
