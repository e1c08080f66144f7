/** Builders of real-shaped Jira search pages for tests and the demo generator. */

export interface IssueSpec {
  key: string;
  priority: string;
  created: string;
  resolved?: string | null;
  updated?: string;
  labels?: string[];
  fixVersions?: string[];
  feilklasse?: string;
  summary?: string;
  status?: string;
}

/** A REST issue object as both v2 and v3 return it (`+0000` offsets, customfield ids). */
export function restIssue(s: IssueSpec, index: number): Record<string, unknown> {
  const done = Boolean(s.resolved);
  return {
    id: String(10000 + index),
    key: s.key,
    self: `https://jira.example/rest/api/2/issue/${10000 + index}`,
    fields: {
      summary: s.summary ?? `Feil ${s.key}`,
      issuetype: { name: 'Bug' },
      priority: { name: s.priority },
      status: { name: s.status ?? (done ? 'Done' : 'Open'), statusCategory: { key: done ? 'done' : 'new' } },
      labels: s.labels ?? [],
      components: [],
      fixVersions: (s.fixVersions ?? []).map((name) => ({ name })),
      created: s.created,
      resolutiondate: s.resolved ?? null,
      updated: s.updated ?? s.resolved ?? s.created,
      customfield_10100: s.feilklasse ? { value: s.feilklasse } : null,
    },
  };
}

const NAMES = { customfield_10100: 'Feilklasse' };

export function v2Page(specs: IssueSpec[], startAt = 0, total = specs.length): unknown {
  return { expand: 'names,schema', startAt, maxResults: 50, total, issues: specs.map((s, i) => restIssue(s, startAt + i)), names: NAMES };
}

export function v3Page(specs: IssueSpec[], nextPageToken?: string): unknown {
  return {
    issues: specs.map((s, i) => restIssue(s, i)),
    names: NAMES,
    ...(nextPageToken ? { nextPageToken, isLast: false } : { isLast: true }),
  };
}
