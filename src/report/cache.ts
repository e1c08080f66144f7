/**
 * The report model and its web rendering, cached by the data's version (src/storage/data-version.ts):
 * repeated reads of /rapport and the live report files cost a lookup, and any committed change —
 * an import, a narrative, a risk, a forecast, from this process or another — moves the version, so
 * the next read rebuilds and an edit is visible at once. Concurrent readers of a cold entry share
 * one build. The key also holds the date, so a draft's "as of today" parts roll over at midnight.
 */
import type { YearMonth } from '../shared/period.ts';
import { dataVersion } from '../storage/data-version.ts';
import type { Db } from '../storage/db.ts';
import type { SafeHtml } from '../web/html.ts';
import { type ReportDeps, reportModel } from './build.ts';
import type { ReportModel } from './model.ts';
import { reportArticle } from './render-document.ts';

interface Entry {
  model: Promise<ReportModel>;
  webArticle?: Promise<SafeHtml>;
}

/** Entries kept per database; the oldest goes first. A dozen periods cover a year of drafts. */
export const REPORT_CACHE_ENTRIES = 12;

const caches = new WeakMap<Db, Map<string, Entry>>();

async function entryFor(deps: ReportDeps, period: YearMonth): Promise<Entry> {
  const version = await dataVersion(deps.db);
  const key = `${period}|${version}|${new Date().toISOString().slice(0, 10)}`;
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new Map();
    caches.set(deps.db, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  for (const old of [...cache.keys()]) if (old.startsWith(`${period}|`)) cache.delete(old);
  while (cache.size >= REPORT_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  const entry: Entry = { model: reportModel(deps, { period }) };
  cache.set(key, entry);
  // A failed build is not kept: the next reader tries again (and sees the same error if it persists).
  entry.model.catch(() => cache.get(key) === entry && cache.delete(key));
  return entry;
}

/** The period's current (draft) report model, built at most once per data version. */
export async function cachedReportModel(deps: ReportDeps, period: YearMonth): Promise<ReportModel> {
  return (await entryFor(deps, period)).model;
}

/** The web article of the period's current report, rendered at most once per data version. */
export async function cachedWebArticle(
  deps: ReportDeps,
  period: YearMonth,
  dataHref: (id: string, ext: 'csv' | 'xlsx') => string,
): Promise<SafeHtml> {
  const entry = await entryFor(deps, period);
  entry.webArticle ??= entry.model.then((model) => reportArticle(model, { mode: 'web', dataHref }));
  return entry.webArticle;
}

/** Forgets every cached report of a database (tests, and after a restore). */
export function clearReportCache(db: Db): void {
  caches.delete(db);
}
