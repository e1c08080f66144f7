import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { loadConfig } from '../config.ts';
import { type Importer, runImport, sourceFromPath } from '../imports/imports.ts';
import type { CliContext } from '../module.ts';
import { isAppError } from '../shared/errors.ts';
import { outagesImporter, serviceHoursImporter } from './availability/availability.import.ts';
import { callsImporter } from './calls/calls.import.ts';
import { queueLogImporter } from './calls/queue-log.import.ts';
import { serviceCommands } from './service.cli.ts';

const [calls, availability] = serviceCommands();
const T0 = Date.UTC(2025, 4, 12, 8, 0, 0) / 1000;

describe('styrerom service calls / availability', () => {
  let open: TestDatabase;
  const out: string[] = [];
  const ctx = (): CliContext => ({
    config: loadConfig({}),
    openDb: async () => ({ ...open, close: async () => {} }),
    stdout: (t) => out.push(t),
    stderr: (t) => out.push(t),
  });
  const run = async (cmd: typeof calls, argv: string[]) => {
    out.length = 0;
    expect(await cmd?.run(argv, ctx())).toBe(0);
    return out.join('');
  };

  beforeAll(async () => {
    open = await freshDatabase('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'service-cli-'));
    const imp = async (importer: Importer, name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      expect((await runImport(open.db, importer, sourceFromPath(join(dir, name)))).status).toBe('succeeded');
    };
    const log = [
      `${T0}|a|Servicedesk|NONE|ENTERQUEUE||1|1`,
      `${T0 + 10}|a|Servicedesk|SIP/1|CONNECT|10|x|1`,
      `${T0}|b|Servicedesk|NONE|ENTERQUEUE||1|1`,
      `${T0 + 45}|b|Servicedesk|SIP/1|CONNECT|45|x|1`,
      `${T0}|c|Servicedesk|NONE|ENTERQUEUE||1|1`,
      `${T0 + 3}|c|Servicedesk|NONE|ABANDON|1|1|3`,
      `${T0}|d|Sentralbord|NONE|ENTERQUEUE||1|1`,
    ];
    await imp(queueLogImporter, 'queue_log', log.join('\n'));
    await imp(callsImporter, 'calls.csv', 'started_at;direction;queue;answered\n2025-05-13T09:00;out;Servicedesk;ja\n');
    await imp(serviceHoursImporter, 'hours.csv', 'service;weekday;from;to\nSentralbord;1;07:00;17:00\n');
    await imp(
      outagesImporter,
      'outages.csv',
      'service;start;end;planned\nTelefoni;2025-05-05T10:00;2025-05-05T10:20;nei\nTelefoni;2025-05-06T10:00;2025-05-06T11:00;ja\n',
    );
  });
  afterAll(async () => open.close());

  it('prints the calls contract as JSON, unrounded, all queues', async () => {
    expect(JSON.parse(await run(calls as never, ['--period', '2025-05', '--json']))).toEqual({
      period: '2025-05',
      queue: null,
      offered: 4,
      answered: 2,
      abandoned: 0,
      shortAbandons: 1,
      unresolved: 1,
      answeredWithinThreshold: 1,
      serviceLevel: 50,
      averageSpeedOfAnswer: 27.5,
      abandonRate: 0,
      outbound: 1,
    });
  });

  it('gives null where a denominator is 0 (one queue)', async () => {
    const j = JSON.parse(await run(calls as never, ['--period', '2025-05', '--queue', 'Sentralbord', '--json']));
    expect(j).toMatchObject({
      queue: 'Sentralbord',
      offered: 1,
      unresolved: 1,
      serviceLevel: null,
      averageSpeedOfAnswer: null,
      abandonRate: null,
    });
  });

  it('prints a Norwegian table without --json', async () => {
    const text = await run(calls as never, ['--period', '2025-05']);
    expect(text).toContain('Sentralbord mai 2025, alle køer');
    expect(text).toMatch(/Servicenivå\s+50,0\s%/);
    expect(text).toMatch(/Gjennomsnittlig svartid\s+27,5\ss/);
  });

  it('prints the availability contract as JSON, every service with hours or outages', async () => {
    expect(JSON.parse(await run(availability as never, ['--period', '2025-05', '--json']))).toEqual({
      period: '2025-05',
      services: [
        { service: 'Sentralbord', agreedMinutes: 4 * 600, plannedMinutes: 0, unplannedMinutes: 0, unplannedCount: 0, availability: 100 },
        {
          service: 'Telefoni',
          agreedMinutes: 44_640,
          plannedMinutes: 60,
          unplannedMinutes: 20,
          unplannedCount: 1,
          availability: ((44_580 - 20) / 44_580) * 100,
        },
      ],
    });
    const text = await run(availability as never, ['--period', '2025-05']);
    expect(text).toMatch(/Telefoni\s+44\s640\s+60\s+20\s+1\s+99,96\s%/);
  });

  it('refuses a missing or bad period', async () => {
    const err = await calls?.run(['--period', '2025-13'], ctx()).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('USAGE');
  });
});
