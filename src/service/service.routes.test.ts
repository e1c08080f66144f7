import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/server-support.ts';
import { type Importer, importOrThrow, sourceFromPath } from '../imports/imports.ts';
import type { Db } from '../storage/db.ts';
import { outagesImporter, serviceHoursImporter } from './availability/availability.import.ts';
import { callsImporter } from './calls/calls.import.ts';
import { queueLogImporter } from './calls/queue-log.import.ts';
import { complaintsImporter } from './complaints/complaints.import.ts';
import { service } from './service.module.ts';
import { volumesImporter } from './volumes/volumes.import.ts';

const T0 = Date.UTC(2025, 4, 12, 8, 0, 0) / 1000;

async function seed(db: Db): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'service-routes-'));
  const imp = async (importer: Importer, name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    await importOrThrow(db, importer, sourceFromPath(join(dir, name)));
  };
  const call = (id: string, queue: string, wait: number) => [
    `${T0}|${id}|${queue}|NONE|ENTERQUEUE||1|1`,
    `${T0 + wait}|${id}|${queue}|SIP/1|CONNECT|${wait}|x|1`,
  ];
  await imp(
    queueLogImporter,
    'queue_log',
    [...call('a', 'Servicedesk', 10), ...call('b', 'Servicedesk', 50), ...call('c', 'Sentralbord', 4)].join('\n'),
  );
  await imp(callsImporter, 'calls.csv', 'started_at;direction;queue;answered\n2025-05-13T09:00;out;Servicedesk;ja\n');
  await imp(serviceHoursImporter, 'hours.csv', 'service;weekday;from;to\nCRR;1;07:00;17:00\n');
  await imp(
    outagesImporter,
    'outages.csv',
    'service;start;end;planned;description\nTelefoni;2025-05-05T10:00;2025-05-05T10:30;nei;Linjebrudd\n',
  );
  await imp(
    volumesImporter,
    'volumes.csv',
    'year;month;service;vendor;count\n2025;5;Videosamtaler;Bliksund;7\n2025;5;Videosamtaler;SNLA;3\n',
  );
  await imp(
    complaintsImporter,
    'complaints.csv',
    'date;customer;category;status;summary\n2025-05-02;Kommune A;Svartid;åpen;=lang ventetid\n',
  );
}

describe('service over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp([service]);
    await seed(t.open.db);
  });
  afterAll(async () => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('serves the calls contract, all queues and one queue', async () => {
    expect((await get('/api/service/calls?period=2025-05')).json()).toMatchObject({
      queue: null,
      offered: 3,
      answered: 3,
      serviceLevel: (2 / 3) * 100,
      outbound: 1,
    });
    expect((await get('/api/service/calls?period=2025-05&queue=Sentralbord')).json()).toMatchObject({
      queue: 'Sentralbord',
      offered: 1,
      averageSpeedOfAnswer: 4,
    });
    const queues = (await get('/api/service/calls/queues?period=2025-05')).json();
    expect(queues.map((q: { queue: string; offered: number }) => [q.queue, q.offered])).toEqual([
      ['Sentralbord', 1],
      ['Servicedesk', 2],
    ]);
    expect((await get('/api/service/calls?period=2025-13')).statusCode).toBe(400);
  });

  it('serves availability with the unplanned outages, volumes and complaints', async () => {
    const a = (await get('/api/service/availability?period=2025-05')).json();
    expect(a.services.map((s: { service: string; unplannedMinutes: number }) => [s.service, s.unplannedMinutes])).toEqual([
      ['CRR', 0],
      ['Telefoni', 30],
    ]);
    expect(a.services[1].unplannedOutages[0]).toEqual({
      service: 'Telefoni',
      start: '2025-05-05T08:00:00.000Z',
      end: '2025-05-05T08:30:00.000Z',
      planned: false,
      description: 'Linjebrudd',
    });
    expect((await get('/api/service/volumes?period=2025-05')).json().volumes).toHaveLength(2);
    expect((await get('/api/service/complaints?period=2025-05')).json()).toMatchObject({ count: 1 });
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await get('/api/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/service/calls',
        '/api/service/calls/queues',
        '/api/service/availability',
        '/api/service/volumes',
        '/api/service/complaints',
      ]),
    );
  });

  it('renders Kundeservice with tiles, queue links and downloadable tables', async () => {
    const res = await get('/kundeservice?period=2025-05');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1');
    expect(res.body).toContain('href="/kundeservice/ko/Sentralbord?period=2025-05"');
    expect(res.body).toContain('/kundeservice/servicedesk-months.csv?period=2025-05');
    const csv = await get('/kundeservice/service-complaints.csv?period=2025-05');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain("Kommune A;Svartid;åpen;'=lang ventetid");
    const xlsx = await get('/kundeservice/servicedesk-queues.xlsx?period=2025-05');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('drills down to one queue', async () => {
    const res = await get('/kundeservice/ko/Sentralbord?period=2025-05');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('kø Sentralbord');
    const csv = await get('/kundeservice/ko/Sentralbord/servicedesk-months.csv?period=2025-05');
    expect(csv.body.split('\r\n')[12]).toBe('2025-05;1;1;1;0;0;0;100;4;0;0');
  });

  it('renders Tjenester with availability, the outage list and volumes, each exportable', async () => {
    const res = await get('/tjenester?period=2025-05');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ingen rapportert nedetid');
    expect(res.body).toContain('Linjebrudd');
    const csv = await get('/tjenester/service-outages.csv?period=2025-05');
    expect(csv.body).toContain('Telefoni;2025-05-05 10:00;2025-05-05 10:30;30;Ikke planlagt;Linjebrudd');
    expect((await get('/tjenester/nope.csv?period=2025-05')).statusCode).toBe(404);
  });
});
