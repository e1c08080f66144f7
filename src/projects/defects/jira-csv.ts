/**
 * Jira's CSV export ("all fields" or "current fields") → issues. Repeated column names (`Labels`,
 * `Labels`; `Fix Version/s` …) are collected into arrays, `Custom field (Name)` columns become the
 * custom field `Name`, a BOM and quoted multi-line cells are read as such, and dates are in the
 * exporting user's format (configurable).
 */
import { parse } from 'csv-parse/sync';
import type { JiraIssue, StatusCategory } from './defects.ts';
import { DEFAULT_JIRA_DATE_FORMAT, parseJiraExportDate } from './jira-time.ts';

export interface CsvIssueProblem {
  line: number;
  field: string;
  message: string;
  messageEn: string;
}

export interface JiraCsvResult {
  issues: { line: number; issue: JiraIssue }[];
  problems: CsvIssueProblem[];
}

const CUSTOM = /^Custom field \((.+)\)$/i;
const CATEGORY_BY_NAME: Record<string, StatusCategory> = {
  'to do': 'new',
  new: 'new',
  'å gjøre': 'new',
  'in progress': 'indeterminate',
  indeterminate: 'indeterminate',
  pågår: 'indeterminate',
  done: 'done',
  ferdig: 'done',
};

type Row = Map<string, string[]>;

function rowOf(header: string[], record: string[]): Row {
  const row: Row = new Map();
  header.forEach((h, i) => {
    const v = (record[i] ?? '').trim();
    const list = row.get(h) ?? [];
    if (v !== '') list.push(v);
    row.set(h, list);
  });
  return row;
}

export function readJiraCsv(
  text: string,
  options: { dateFormat?: string | undefined; timeZone?: string; maxLineChars?: number } = {},
): JiraCsvResult {
  const format = options.dateFormat ?? DEFAULT_JIRA_DATE_FORMAT;
  const problems: CsvIssueProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: options.maxLineChars ?? 0,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { issues: [], problems: [{ line: e.lines ?? 1, field: '', message: `CSV-feil: ${e.message}`, messageEn: e.message }] };
  }
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((h) => h.trim());
  for (const required of ['Issue key', 'Created']) {
    if (!header.includes(required)) {
      problems.push({
        line: 1,
        field: required,
        message: `kolonnen «${required}» mangler i overskriftsraden`,
        messageEn: `column "${required}" missing`,
      });
    }
  }
  if (problems.length > 0) return { issues: [], problems };
  const issues: { line: number; issue: JiraIssue }[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const row = rowOf(header, record);
    const one = (name: string) => row.get(name)?.[0] ?? '';
    const key = one('Issue key');
    const fail = (field: string, message: string, messageEn: string) => problems.push({ line, field, message, messageEn });
    if (!key) {
      fail('Issue key', 'saken mangler nøkkel', 'issue key missing');
      continue;
    }
    const date = (field: string, required: boolean): string | null => {
      const v = one(field);
      if (v === '') {
        if (required) fail(field, `${key}: «${field}» mangler`, `"${field}" missing`);
        return null;
      }
      const t = parseJiraExportDate(v, format, options.timeZone);
      if (!t) fail(field, `${key}: ugyldig dato «${v}» i «${field}», forventet formatet «${format}»`, `invalid date, expected "${format}"`);
      return t ?? null;
    };
    const created = date('Created', true);
    const resolved = date('Resolved', false);
    const updated = date('Updated', false);
    if (!created) continue;
    const fields: Record<string, string[]> = {};
    for (const [h, values] of row) {
      const m = CUSTOM.exec(h);
      if (m?.[1] && values.length > 0) fields[m[1]] = values;
    }
    issues.push({
      line,
      issue: {
        key,
        summary: one('Summary'),
        type: one('Issue Type'),
        priority: one('Priority') || null,
        status: one('Status'),
        statusCategory: CATEGORY_BY_NAME[one('Status Category').toLowerCase()] ?? null,
        labels: row.get('Labels') ?? [],
        components: row.get('Component/s') ?? [],
        fixVersions: row.get('Fix Version/s') ?? row.get('Fix versions') ?? [],
        created,
        resolved,
        updated: updated ?? created,
        fields,
      },
    });
  }
  return { issues, problems };
}
