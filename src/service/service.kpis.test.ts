import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { type Importer, runImport, sourceFromPath } from '../imports/imports.ts';
import { evaluateKpis } from '../kpi/kpi.ts';
import { outagesImporter } from './availability/availability.import.ts';
import { queueLogImporter } from './calls/queue-log.import.ts';
import { complaintsImporter } from './complaints/complaints.import.ts';
import { serviceKpis } from './service.kpis.ts';
import { DEFAULT_SERVICE_SETTINGS, serviceSlug } from './service-settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'service-kpi-'));
const T0 = Date.UTC(2025, 4, 12, 8, 0, 0) / 1000;

it('slugs service names for KPI ids', () => {
  expect(serviceSlug('Nice Express')).toBe('nice-express');
  expect(serviceSlug('Nødnett/Radio')).toBe('nodnett-radio');
});

describeEachDialect('service KPIs', (ctx) => {
  const kpis = serviceKpis({ ...DEFAULT_SERVICE_SETTINGS, availabilityServices: ['Telefoni', 'CRR'], volumeFigures: [] });
  const values = async () =>
    Object.fromEntries((await evaluateKpis(kpis, { db: ctx.db, period: '2025-05' })).map((v) => [v.id, [v.value, v.status]]));

  it('are null without data', async () => {
    expect(await values()).toEqual({
      'service.desk.serviceLevel': [null, 'none'],
      'service.desk.asa': [null, 'none'],
      'service.desk.abandonRate': [null, 'none'],
      'service.complaints': [null, 'none'],
      'service.availability.telefoni': [null, 'none'],
      'service.availability.crr': [null, 'none'],
    });
  });

  it('follow the imported data, with targets', async () => {
    const imp = async (importer: Importer, name: string, text: string) => {
      writeFileSync(join(dir, `${ctx.dialect}-${name}`), text);
      expect((await runImport(ctx.db, importer, sourceFromPath(join(dir, `${ctx.dialect}-${name}`)))).status).toBe('succeeded');
    };
    const log = ['a', 'b', 'c', 'd', 'e']
      .flatMap((id, i) => [`${T0}|${id}|Q|NONE|ENTERQUEUE||1|1`, `${T0 + 7 * (i + 1)}|${id}|Q|SIP/1|CONNECT|${7 * (i + 1)}|x|1`])
      .join('\n');
    await imp(queueLogImporter, 'queue_log', log);
    await imp(complaintsImporter, 'c.csv', 'date;customer;category;status\n2025-04-10;K;Svartid;lukket\n');
    await imp(outagesImporter, 'o.csv', 'service;start;end;planned\nTelefoni;2025-05-05T10:00:00Z;2025-05-05T10:44:38.4Z;nei\n');
    expect(await values()).toEqual({
      'service.desk.serviceLevel': [80, 'met'],
      'service.desk.asa': [21, 'none'],
      'service.desk.abandonRate': [0, 'none'],
      'service.complaints': [0, 'none'],
      'service.availability.telefoni': [((44_640 - 44.64) / 44_640) * 100, 'met'],
      'service.availability.crr': [null, 'none'],
    });
  });
});
