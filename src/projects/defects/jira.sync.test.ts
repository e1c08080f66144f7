import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { loadConfig } from '../../config.ts';
import { importOrThrow, sourceFromPath } from '../../imports/imports.ts';
import { projectsSyncJiraCommand } from '../projects.cli.ts';
import { cliContext } from '../projects.testing.ts';
import { projectsImporter } from '../register/register.import.ts';
import { listIssues } from './defects.queries.ts';
import { countOpen } from './defects.ts';
import { retryAfterMs, syncJira } from './jira.sync.ts';
import { type IssueSpec, restIssue } from './jira.testing.ts';

const SPECS: IssueSpec[] = [
  { key: 'ML-1', priority: 'Blocker', created: '2025-05-28T09:15:00.000+0000' },
  { key: 'ML-2', priority: 'Minor', created: '2025-05-02T10:00:00.000+0000' },
  { key: 'ML-3', priority: 'Minor', created: '2025-05-03T10:00:00.000+0000' },
  { key: 'ML-4', priority: 'Trivial', created: '2025-05-04T10:00:00.000+0000', feilklasse: 'B' },
  { key: 'ML-5', priority: 'Major', created: '2025-05-05T10:00:00.000+0000', resolved: '2025-05-06T10:00:00.000+0000' },
];
const pages = [SPECS.slice(0, 2), SPECS.slice(2, 4), SPECS.slice(4)];

interface Seen {
  method: string;
  url: string;
  body: string;
  auth: string | undefined;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => resolve(text));
  });
}

/** Serves recorded pages (v3 by token, v2 by startAt); the first search request gets a 429. */
function jiraServer(seen: Seen[]): Server {
  let throttled = false;
  return createServer(async (req, res) => {
    const text = await body(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', body: text, auth: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname.endsWith('/field')) {
      res.end(
        JSON.stringify([
          { id: 'customfield_10100', name: 'Feilklasse', custom: true },
          { id: 'summary', name: 'Summary' },
        ]),
      );
      return;
    }
    if (!throttled) {
      throttled = true;
      res.statusCode = 429;
      res.setHeader('retry-after', '2');
      res.end('{"errorMessages":["Rate limit exceeded"]}');
      return;
    }
    if (url.pathname === '/rest/api/3/search/jql') {
      const token = (JSON.parse(text) as { nextPageToken?: string }).nextPageToken;
      const n = token ? Number(token.replace('tok-', '')) : 0;
      const last = n === pages.length - 1;
      res.end(
        JSON.stringify({
          issues: (pages[n] ?? []).map((s, i) => restIssue(s, n * 10 + i)),
          ...(last ? { isLast: true } : { nextPageToken: `tok-${n + 1}`, isLast: false }),
        }),
      );
      return;
    }
    if (url.pathname === '/rest/api/2/search') {
      const startAt = Number(url.searchParams.get('startAt'));
      const n = [0, 2, 4].indexOf(startAt);
      res.end(
        JSON.stringify({ startAt, maxResults: 2, total: SPECS.length, issues: (pages[n] ?? []).map((s, i) => restIssue(s, startAt + i)) }),
      );
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
}

describe('syncJira (a local server with three recorded pages and one 429)', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  let open: TestDatabase;
  beforeAll(async () => {
    server = jiraServer(seen);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    open = await freshDatabase('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'jira-sync-'));
    const path = join(dir, 'p.csv');
    writeFileSync(path, 'id;name;owner;phase;investment_project;jira_key\nmedielogg;Medielogg;;;;ML\nv2proj;V2;;;;ML\n');
    await importOrThrow(open.db, projectsImporter, sourceFromPath(path));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await open.close();
  });

  it('pages v3 by nextPageToken, retries the 429 after Retry-After, and imports every page', async () => {
    const waits: number[] = [];
    const config = loadConfig({ STYREROM_JIRA_URL: base, STYREROM_JIRA_TOKEN: 'tkn', STYREROM_JIRA_USER: 'bot@hdo.no' }).jira;
    const r = await syncJira(open.db, {
      config,
      project: 'medielogg',
      jiraKey: 'ML',
      dir: mkdtempSync(join(tmpdir(), 'jira-pages-')),
      now: '2025-06-01T08:00:00.000Z',
      importedBy: 'test',
      pageSize: 2,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect([r.pages, r.issues]).toEqual([3, 5]);
    expect(waits).toEqual([2000]);
    const searches = seen.filter((s) => s.url === '/rest/api/3/search/jql');
    expect(searches.length).toBe(4);
    expect(JSON.parse(searches[0]?.body ?? '{}')).toMatchObject({ jql: 'project = ML AND issuetype = Bug ORDER BY key', maxResults: 2 });
    expect(JSON.parse(searches[3]?.body ?? '{}').nextPageToken).toBe('tok-2');
    expect(seen[0]?.auth).toBe(`Basic ${Buffer.from('bot@hdo.no:tkn').toString('base64')}`);
    const s = countOpen(await listIssues(open.db, 'medielogg'), [{ source: 'field', field: 'Feilklasse', value: 'B', class: 'B' }], {
      asOf: '2025-06-01T00:00:00Z',
    });
    expect(s.open).toEqual({ A: 1, B: 1, C: 2, unclassified: 0 });
  });

  it('pages v2 by startAt/total with a Bearer token and gives the same counts', async () => {
    const { ctx, out } = cliContext(open, {
      STYREROM_JIRA_URL: `${base}/`,
      STYREROM_JIRA_TOKEN: 'pat',
      STYREROM_JIRA_API_VERSION: '2',
      STYREROM_DATA_DIR: mkdtempSync(join(tmpdir(), 'jira-data-')),
    });
    expect(await projectsSyncJiraCommand.run(['--project', 'v2proj'], ctx)).toBe(0);
    expect(out.join('')).toContain('5 saker hentet fra Jira på 3 side(r) for v2proj');
    const starts = seen
      .filter((s) => s.url.startsWith('/rest/api/2/search'))
      .map((s) => new URL(s.url, 'http://x').searchParams.get('startAt'));
    expect(starts).toEqual(['0', '2', '4']);
    expect(seen.at(-1)?.auth).toBe('Bearer pat');
    const a = countOpen(await listIssues(open.db, 'medielogg'), [], { asOf: '2025-06-01T00:00:00Z' });
    const b = countOpen(await listIssues(open.db, 'v2proj'), [], { asOf: '2025-06-01T00:00:00Z' });
    expect(b.open).toEqual(a.open);
  });

  it('reads Retry-After as seconds or an HTTP date, capped', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:10 GMT', Date.parse('2025-01-01T00:00:00Z'))).toBe(10_000);
    expect(retryAfterMs('99999')).toBe(120_000);
  });
});
