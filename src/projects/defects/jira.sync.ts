/**
 * Live fetch from Jira's REST API: the field list (ids → names for the class rules), then the search
 * pages — Cloud v3 `POST /rest/api/3/search/jql` paged by `nextPageToken`, Server/DC v2
 * `GET /rest/api/2/search` paged by `startAt` — with 429 answers retried after `Retry-After`.
 * Each page is written as a file and imported through the real `jira` importer, so a sync leaves
 * the same provenance (import runs, hashes) as a file import.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JiraConfig } from '../../config.ts';
import { type ImportResult, runImport, sourceFromPath } from '../../imports/imports.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../storage/db.ts';
import { jiraImporter } from './jira.import.ts';

export interface SyncOptions {
  config: JiraConfig;
  project: string;
  jiraKey: string;
  /** Where the fetched pages are kept (one folder per sync). */
  dir: string;
  now: string;
  importedBy: string;
  /** Injected for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  pageSize?: number;
  /** Retries of one request answered 429 before giving up. */
  maxRetries?: number;
  onPage?: (n: number, issues: number) => void;
}

const MAX_RETRY_AFTER_S = 120;

function authHeader(c: JiraConfig): Record<string, string> {
  if (!c.token) return {};
  if (c.user) return { authorization: `Basic ${Buffer.from(`${c.user}:${c.token}`).toString('base64')}` };
  return { authorization: `Bearer ${c.token}` };
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); 1 s when absent. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number {
  if (!header) return 1000;
  const s = Number(header);
  if (Number.isFinite(s)) return Math.min(Math.max(s, 0), MAX_RETRY_AFTER_S) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1000 : Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_S * 1000);
}

async function requestJson(url: string, init: RequestInit, o: SyncOptions): Promise<unknown> {
  const sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { ...init, headers: { accept: 'application/json', ...authHeader(o.config), ...(init.headers ?? {}) } });
    } catch (err) {
      throw new AppError('CONFIG', `Får ikke kontakt med Jira på ${o.config.baseUrl}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    if (res.status === 429 && attempt < (o.maxRetries ?? 5)) {
      await res.body?.cancel();
      await sleep(retryAfterMs(res.headers.get('retry-after')));
      continue;
    }
    if (!res.ok) {
      const body = (await res.text()).slice(0, 300);
      const hint = res.status === 401 || res.status === 403 ? ' Sjekk STYREROM_JIRA_TOKEN (og STYREROM_JIRA_USER for Cloud).' : '';
      throw new AppError('CONFIG', `Jira svarte ${res.status} på ${new URL(url).pathname}.${hint} ${body}`);
    }
    return res.json();
  }
}

async function fieldNames(o: SyncOptions, base: string): Promise<Record<string, string>> {
  const fields = await requestJson(`${base}/rest/api/${o.config.apiVersion}/field`, { method: 'GET' }, o);
  if (!Array.isArray(fields)) return {};
  return Object.fromEntries(fields.flatMap((f) => (f && typeof f.id === 'string' && typeof f.name === 'string' ? [[f.id, f.name]] : [])));
}

/** Fetches every page of the project's JQL, writes them to `dir` and imports each. */
export async function syncJira(db: Db, o: SyncOptions): Promise<{ pages: number; issues: number; results: ImportResult[] }> {
  const base = o.config.baseUrl?.replace(/\/+$/, '');
  if (!base) throw new AppError('CONFIG', 'STYREROM_JIRA_URL er ikke satt; se docs/configuration.md');
  const jql = o.config.jql.replaceAll('{key}', o.jiraKey);
  const pageSize = o.pageSize ?? 100;
  const names = await fieldNames(o, base);
  await mkdir(o.dir, { recursive: true });
  const results: ImportResult[] = [];
  let issues = 0;
  let token: string | undefined;
  let startAt = 0;
  for (let n = 1; ; n++) {
    let page: Record<string, unknown>;
    if (o.config.apiVersion === '3') {
      const body = { jql, maxResults: pageSize, fields: ['*all'], ...(token ? { nextPageToken: token } : {}) };
      page = (await requestJson(
        `${base}/rest/api/3/search/jql`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        o,
      )) as Record<string, unknown>;
    } else {
      const q = new URLSearchParams({ jql, startAt: String(startAt), maxResults: String(pageSize), fields: '*all' });
      page = (await requestJson(`${base}/rest/api/2/search?${q}`, { method: 'GET' }, o)) as Record<string, unknown>;
    }
    const list = Array.isArray(page.issues) ? page.issues : [];
    page.names = { ...names, ...(typeof page.names === 'object' && page.names ? page.names : {}) };
    const path = join(o.dir, `page-${String(n).padStart(3, '0')}.json`);
    await writeFile(path, JSON.stringify(page));
    const result = await runImport(db, jiraImporter, sourceFromPath(path), {
      now: o.now,
      importedBy: o.importedBy,
      params: { project: o.project },
    });
    if (result.status === 'failed') {
      throw new AppError('IMPORT_FAILED', `Side ${n} fra Jira kunne ikke importeres; ingenting fra siden ble lagret`, {
        problems: result.problems,
      });
    }
    results.push(result);
    issues += list.length;
    o.onPage?.(n, list.length);
    if (o.config.apiVersion === '3') {
      token = typeof page.nextPageToken === 'string' ? page.nextPageToken : undefined;
      if (page.isLast === true || !token || list.length === 0) return { pages: n, issues, results };
    } else {
      startAt = Number(page.startAt ?? startAt) + list.length;
      if (list.length === 0 || startAt >= Number(page.total ?? 0)) return { pages: n, issues, results };
    }
  }
}
