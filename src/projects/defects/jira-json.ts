/**
 * Jira REST search pages → issues. Server/DC v2 (`{startAt, maxResults, total, issues}`) and Cloud
 * v3 (`{issues, nextPageToken?, isLast}`) carry the same issue objects; custom fields are named by
 * the page's `names` map (`expand=names`) or by a field list from `/rest/api/2/field`.
 */
import type { JiraIssue, StatusCategory } from './defects.ts';
import { parseJiraTimestamp } from './jira-time.ts';

export interface JiraPage {
  format: 'v2' | 'v3';
  issues: unknown[];
  /** v2 */
  startAt?: number;
  total?: number;
  /** v3 */
  nextPageToken?: string | undefined;
  isLast?: boolean;
  /** Field id → name from `expand=names`. */
  names: Record<string, string>;
}

export interface IssueProblem {
  /** Index of the issue on the page (0-based) and its key if known. */
  index: number;
  key: string | undefined;
  field: string;
  message: string;
  messageEn: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Recognises a search page; undefined when the JSON is neither shape. */
export function readJiraPage(json: unknown): JiraPage | undefined {
  if (!isObject(json) || !Array.isArray(json.issues)) return undefined;
  const names = isObject(json.names) ? Object.fromEntries(Object.entries(json.names).map(([k, v]) => [k, String(v)])) : {};
  if (typeof json.startAt === 'number' || typeof json.total === 'number') {
    return {
      format: 'v2',
      issues: json.issues,
      startAt: Number(json.startAt ?? 0),
      total: Number(json.total ?? json.issues.length),
      names,
    };
  }
  const nextPageToken = typeof json.nextPageToken === 'string' ? json.nextPageToken : undefined;
  return { format: 'v3', issues: json.issues, nextPageToken, isLast: json.isLast === true || nextPageToken === undefined, names };
}

/** The text(s) of a field value: strings, numbers, `{value}`, `{name}`, arrays of those. */
export function fieldTexts(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap(fieldTexts);
  if (typeof v === 'string') return v.trim() === '' ? [] : [v];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  if (isObject(v)) {
    for (const k of ['value', 'name', 'displayName', 'key']) if (typeof v[k] === 'string') return [v[k] as string];
  }
  return [];
}

const CATEGORIES: readonly string[] = ['new', 'indeterminate', 'done'];

/** One REST issue → JiraIssue, or problems naming the field. */
export function issueFromRest(raw: unknown, index: number, names: Record<string, string>): { issue?: JiraIssue; problems: IssueProblem[] } {
  const problems: IssueProblem[] = [];
  const fail = (field: string, message: string, messageEn: string, key?: string) =>
    problems.push({ index, key, field, message, messageEn });
  if (!isObject(raw) || typeof raw.key !== 'string' || !isObject(raw.fields)) {
    fail('key', 'saken mangler «key» eller «fields»', 'issue lacks "key" or "fields"');
    return { problems };
  }
  const key = raw.key;
  const f = raw.fields;
  const time = (field: string, required: boolean): string | null => {
    const v = f[field];
    if (v === null || v === undefined || v === '') {
      if (required) fail(field, `feltet «${field}» mangler`, `field "${field}" missing`, key);
      return null;
    }
    const t = parseJiraTimestamp(String(v));
    if (!t) fail(field, `ugyldig tidspunkt «${String(v)}» i «${field}»`, `invalid timestamp in "${field}"`, key);
    return t ?? null;
  };
  const created = time('created', true);
  const resolved = time('resolutiondate', false);
  const updated = time('updated', false) ?? created;
  const status = isObject(f.status) ? f.status : {};
  const category = isObject(status.statusCategory) ? String(status.statusCategory.key ?? '') : '';
  const fields: Record<string, string[]> = {};
  for (const [id, value] of Object.entries(f)) {
    if (!id.startsWith('customfield_')) continue;
    const texts = fieldTexts(value);
    if (texts.length > 0) fields[names[id] ?? id] = texts;
  }
  if (problems.length > 0 || !created) return { problems };
  return {
    problems,
    issue: {
      key,
      summary: typeof f.summary === 'string' ? f.summary : '',
      type: fieldTexts(f.issuetype)[0] ?? '',
      priority: fieldTexts(f.priority)[0] ?? null,
      status: typeof status.name === 'string' ? status.name : '',
      statusCategory: CATEGORIES.includes(category) ? (category as StatusCategory) : null,
      labels: fieldTexts(f.labels),
      components: fieldTexts(f.components),
      fixVersions: fieldTexts(f.fixVersions),
      created,
      resolved,
      updated: updated ?? created,
      fields,
    },
  };
}
