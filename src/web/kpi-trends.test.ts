import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRegistry } from '../kpi/registry.ts';
import type { DomainModule } from '../module.ts';
import { type OpenDatabase, openDatabase } from '../storage/db.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { kpiTrends } from './kpi-trends.ts';

describe('kpiTrends(deps, period, current)', () => {
  let open: OpenDatabase;
  const computed: string[] = [];
  let offset = 0;
  const domain: DomainModule = {
    id: 'd',
    kpis: [
      {
        id: 'd.month',
        label: 'Måned',
        unit: 'count',
        decimals: 0,
        compute: async ({ period }) => {
          computed.push(period);
          return period < '2024-09' ? null : Number(period.slice(5)) + offset;
        },
      },
    ],
  };
  // One domain list, as in the app: the KPI cache is kept per database and domain list.
  const domains = [domain];
  const deps = () => ({ db: open.db, domains });

  beforeAll(async () => {
    open = openDatabase('sqlite::memory:');
    await migrateToLatest(open.db);
  });
  afterAll(async () => open.close());

  it('gives the 12 months ending with the period, oldest first, null where there is no data', async () => {
    const current = await evaluateRegistry(domains, { db: open.db, period: '2025-05' });
    const trend = (await kpiTrends(deps(), '2025-05', current)).get('d.month');
    expect(trend?.map((p) => p.period)).toEqual([
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    expect(trend?.map((p) => p.value)).toEqual([null, null, null, 9, 10, 11, 12, 1, 2, 3, 4, 5]);
  });

  it('computes past months once while the data is unchanged, and again after an import', async () => {
    const current = await evaluateRegistry(domains, { db: open.db, period: '2025-05' });
    computed.length = 0;
    await kpiTrends(deps(), '2025-05', current);
    expect(computed).toEqual([]);
    offset = 100;
    await open.db
      .insertInto('import_runs')
      .values({
        kind: 'x',
        file_name: 'x.csv',
        sha256: 'a',
        started_at: '2025-06-01T00:00:00Z',
        imported_by: 'test',
        status: 'succeeded',
        problems: '[]',
      })
      .execute();
    const trend = (await kpiTrends(deps(), '2025-05', current)).get('d.month');
    expect(computed).toHaveLength(11);
    expect(trend?.[10]?.value).toBe(104);
  });
});
