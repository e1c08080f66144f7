/** The example files of docs/import-formats/service.md import cleanly and give the documented figures. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../imports/imports.ts';
import { findImporter } from '../imports/registry.ts';
import { monthAvailability } from './availability/availability.figures.ts';
import { monthCallMetrics } from './calls/calls.figures.ts';
import { service } from './service.module.ts';
import { DEFAULT_SERVICE_SETTINGS as settings } from './service-settings.ts';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../docs/import-formats/examples/service');
const FILES: [kind: string, file: string][] = [
  ['queue-log', 'queue_log'],
  ['calls', 'calls.csv'],
  ['outages', 'outages.csv'],
  ['service-hours', 'service-hours.csv'],
  ['volumes', 'volumes.csv'],
  ['complaints', 'complaints.csv'],
];

describeEachDialect('service example files', (ctx) => {
  it('import without errors', async () => {
    for (const [kind, file] of FILES) {
      const r = await runImport(ctx.db, findImporter([service], kind), sourceFromPath(join(EXAMPLES, file)));
      expect([kind, r.status, r.problems.filter((p) => p.severity === 'error')]).toEqual([kind, 'succeeded', []]);
    }
    expect(await monthCallMetrics(ctx.db, { period: '2025-05', settings })).toMatchObject({
      offered: 3,
      answered: 2,
      abandoned: 1,
      outbound: 2,
      averageSpeedOfAnswer: 10,
    });
    const a = await monthAvailability(ctx.db, '2025-05');
    expect(a.services.map((s) => [s.service, s.plannedMinutes, s.unplannedMinutes])).toEqual([
      ['CRR', 0, 20],
      ['Sentralbord', 0, 0],
      ['Telefoni', 150, 0],
    ]);
  });
});
