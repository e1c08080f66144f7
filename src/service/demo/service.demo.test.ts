import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import { findImporter } from '../../imports/registry.ts';
import { evaluateKpis } from '../../kpi/kpi.ts';
import type { DemoContext } from '../../module.ts';
import { monthAvailability } from '../availability/availability.figures.ts';
import { callMetricsSeries, monthCallMetrics } from '../calls/calls.figures.ts';
import { service } from '../service.module.ts';
import { DEFAULT_SERVICE_SETTINGS as settings } from '../service-settings.ts';
import { runServiceDemo } from './service.demo.ts';

function demoContext(open: TestDatabase, dir: string): DemoContext {
  return {
    db: open.db,
    dir,
    period: '2025-05',
    importFile: (kind, path) => importOrThrow(open.db, findImporter([service], kind), sourceFromPath(path), { importedBy: 'demo' }),
    log: () => {},
  };
}

describe('the service demo', () => {
  let open: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'service-demo-'));
  beforeAll(async () => {
    open = await freshDatabase('sqlite');
    await runServiceDemo(demoContext(open, dir));
  }, 120_000);
  afterAll(async () => open.close());

  it('reproduces the seed report: May ASA 12,2 s, every month ≥ 80 %, no complaints, telephony 100 %, 19 536 video calls', async () => {
    const values = Object.fromEntries(
      (await evaluateKpis(service.kpis ?? [], { db: open.db, period: '2025-05' })).map((v) => [v.id, v.value]),
    );
    expect(Math.round((values['service.desk.asa'] as number) * 10) / 10).toBe(12.2);
    expect(values['service.complaints']).toBe(0);
    expect(values['service.availability.telefoni']).toBe(100);
    expect(values['service.availability.crr']).toBe(100);
    expect(values['service.availability.nice-express']).toBe(100);
    const months = Array.from({ length: 12 }, (_, i) => `${i < 7 ? 2024 : 2025}-${String(((i + 5) % 12) + 1).padStart(2, '0')}`);
    const series = await callMetricsSeries(open.db, { months, settings });
    expect(series.every((m) => (m.serviceLevel ?? 0) >= 80)).toBe(true);
    expect(series.every((m) => m.offered > 4000 && m.outbound > 500)).toBe(true);
    const may = await monthAvailability(open.db, '2025-05');
    expect(may.services.find((s) => s.service === 'Telefoni')).toMatchObject({ plannedMinutes: 150, unplannedCount: 0 });
  });

  it('computes from the raw lines: a changed wait in the queue_log changes May’s answer time', async () => {
    const before = await monthCallMetrics(open.db, { period: '2025-05', settings });
    const lines = readFileSync(join(dir, 'queue_log'), 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('17') && l.includes('|CONNECT|') && Number(l.split('|')[0]) > 1_746_200_000);
    const f = (lines[i] as string).split('|');
    f[5] = String(Number(f[5]) + 600);
    lines[i] = f.join('|');
    const changed = join(dir, 'queue_log-changed');
    writeFileSync(changed, lines.join('\n'));
    const other = await freshDatabase('sqlite');
    await importOrThrow(other.db, findImporter([service], 'queue-log'), sourceFromPath(changed));
    const after = await monthCallMetrics(other.db, { period: '2025-05', settings });
    await other.close();
    expect(after.offered).toBe(before.offered);
    expect((after.averageSpeedOfAnswer as number) - (before.averageSpeedOfAnswer as number)).toBeCloseTo(600 / before.answered, 9);
  }, 60_000);
});
