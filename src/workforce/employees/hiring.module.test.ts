import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/server-support.ts';
import { describeEachDialect } from '../../../test/support/databases.ts';
import { importOrThrow, runImport, sourceFromPath } from '../../imports/imports.ts';
import type { TableBlock } from '../../report/blocks.ts';
import type { Db } from '../../storage/db.ts';
import { employeesImporter } from './employees.import.ts';
import { hiringReportBlocks } from './hiring.blocks.ts';
import { hiringKpis } from './hiring.kpis.ts';
import { workforceHiring } from './hiring.module.ts';
import { recruitmentsImporter } from './recruitments.import.ts';

const dir = mkdtempSync(join(tmpdir(), 'hiring-'));
let n = 0;
function file(text: string): string {
  const path = join(dir, `f-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

const EMPLOYEES =
  'employee_id;name;position_fraction;valid_from;valid_to;exempt;unit;role\n' +
  'E1;Kari Nordmann;1;2020-01-01;;0;Servicedesk;Driftsingeniør\n' +
  'E2;Ola Hansen;1;2025-05-05;;0;Nødnett;Teknisk spesialist\n' +
  'E3;Per Berg;0,8;2025-05-19;;0;Nødnett;Spesialist (brukermiljø)\n' +
  'E4;Siri Dahl;1;2019-01-01;2025-05-31;0;Drift;Driftsingeniør\n';
const RECRUITMENTS =
  'position;unit;role;started;status;filled_on\n' +
  'ND-1;Nødnett;Teknisk spesialist;2025-02-01;besatt;2025-05-05\n' +
  'SD-1;Servicedesk;Driftsingeniør;2025-05-12;åpen;\n';

async function kpis(db: Db, period = '2025-05'): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const k of hiringKpis) out[k.id] = await k.compute({ db, period });
  return out;
}

describeEachDialect('hires and recruitments from the registers', (ctx) => {
  it('has no figures before anything is imported', async () => {
    expect((await kpis(ctx.db))['workforce.hires']).toBeNull();
    expect(await hiringReportBlocks[0]!.build({ db: ctx.db, period: '2025-05', compiledAt: '2025-06-10T00:00:00Z' })).toEqual([]);
  });

  it('computes the KPIs from the employee register and the recruitment import', async () => {
    await importOrThrow(ctx.db, employeesImporter, sourceFromPath(file(EMPLOYEES)));
    await importOrThrow(ctx.db, recruitmentsImporter, sourceFromPath(file(RECRUITMENTS)));
    expect(await kpis(ctx.db)).toEqual({
      'workforce.hires': 2,
      'workforce.leavers': 1,
      'workforce.headcount': 4,
      'workforce.fte': 3.8,
      'workforce.turnover': expect.closeTo((1 / ((2 * 11 + 4) / 12)) * 100, 10),
      'workforce.recruitments.started': 1,
      'workforce.recruitments.filled': 1,
      'workforce.recruitments.open': 1,
    });
  });

  it('changes the hires when one employee’s start date changes', async () => {
    await importOrThrow(
      ctx.db,
      employeesImporter,
      sourceFromPath(file(EMPLOYEES.replace('E3;Per Berg;0,8;2025-05-19', 'E3;Per Berg;0,8;2025-06-02'))),
    );
    expect((await kpis(ctx.db))['workforce.hires']).toBe(1);
    expect((await kpis(ctx.db, '2025-06'))['workforce.hires']).toBe(1);
    // Back to 19 May (the same content again would be refused as a duplicate file, so CRLF line ends).
    await importOrThrow(ctx.db, employeesImporter, sourceFromPath(file(EMPLOYEES.replaceAll('\n', '\r\n'))));
    expect((await kpis(ctx.db))['workforce.hires']).toBe(2);
  });

  it('gives the report block counts by unit and role, never a name', async () => {
    const [block] = (await hiringReportBlocks[0]!.build({
      db: ctx.db,
      period: '2025-05',
      compiledAt: '2025-06-10T00:00:00Z',
    })) as TableBlock[];
    expect(block!.id).toBe('workforce-hiring');
    expect(block!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Nødnett', 'Spesialist (brukermiljø)', '1', '0'],
      ['Nødnett', 'Teknisk spesialist', '1', '0'],
      ['Servicedesk', 'Driftsingeniør', '0', '1'],
      ['Sum', '', '2', '1'],
    ]);
    const text = JSON.stringify(block);
    for (const name of ['Kari', 'Ola', 'Per Berg', 'Siri', 'E1', 'E2']) expect(text).not.toContain(name);
    expect(block!.provenance.importKinds).toEqual(['employees', 'recruitments']);
  });

  it('rejects a bad recruitment file whole, naming line and field', async () => {
    const result = await runImport(
      ctx.db,
      recruitmentsImporter,
      sourceFromPath(
        file(
          'position;unit;role;started;status;filled_on\n' +
            'X-1;Drift;Driftsingeniør;2025-05-01;åpen;\n' +
            'X-2;Drift;Driftsingeniør;2025-13-01;åpen;\n' +
            'X-3;Drift;Driftsingeniør;2025-05-01;kanskje;\n' +
            'X-4;Drift;Driftsingeniør;2025-05-10;besatt;2025-05-01\n' +
            'X-1;Drift;Driftsingeniør;2025-05-01;besatt;\n',
        ),
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'started'],
      [4, 'status'],
      [5, 'filled_on'],
      [6, 'filled_on'],
    ]);
    expect(result.problems[1]!.message).toContain('forventet åpen, besatt eller avbrutt');
    expect((await kpis(ctx.db))['workforce.recruitments.started']).toBe(1);
  });
});

describe('the Ansettelser page and its recruitment form', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([workforceHiring]);
    await importOrThrow(t.open.db, employeesImporter, sourceFromPath(file(EMPLOYEES)));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the month in counts, without names', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ansettelser?period=2025-05' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<caption>Ansettelser</caption>');
    expect(res.body).toContain('Rekrutteringsregisteret er tomt');
    expect(res.body).not.toContain('Kari Nordmann');
    expect(res.body).toMatch(/<label for="rekruttering-position">Stillingsreferanse<\/label>/);
  });

  it('stores a valid recruitment and shows field errors for an invalid one', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/ansettelser/rekruttering?period=2025-05',
      payload: { position: 'SD-9', unit: 'Servicedesk', role: 'Driftsingeniør', started: '2025-05-20', status: 'open', filled_on: '' },
    });
    expect(ok.statusCode).toBe(303);
    expect((await kpis(t.open.db))['workforce.recruitments.started']).toBe(1);
    const page = await t.app.inject({ method: 'GET', url: ok.headers.location as string });
    expect(page.body).toContain('Rekrutteringen er lagret.');
    expect(page.body).toContain('<th scope="row">SD-9</th>');

    const bad = await t.app.inject({
      method: 'POST',
      url: '/ansettelser/rekruttering?period=2025-05',
      payload: { position: '', unit: 'Drift', role: 'X', started: '20.05.2025', status: 'filled', filled_on: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('id="rekruttering-position" name="position" required aria-invalid="true"');
    expect(bad.body).toContain('«20.05.2025» er ikke en dato');
    expect((await kpis(t.open.db))['workforce.recruitments.started']).toBe(1);
  });
});
