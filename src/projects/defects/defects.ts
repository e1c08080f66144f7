/**
 * Acceptance-test defects from Jira (specs/projects.md §3): the issue shape every reader produces,
 * class A/B/C by rules, and "open as of an instant". Pure functions of plain data.
 */

export type DefectClass = 'A' | 'B' | 'C';
export const DEFECT_CLASSES: readonly DefectClass[] = ['A', 'B', 'C'];
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface JiraIssue {
  key: string;
  summary: string;
  type: string;
  priority: string | null;
  status: string;
  statusCategory: StatusCategory | null;
  labels: string[];
  components: string[];
  fixVersions: string[];
  /** ISO instants (UTC) */
  created: string;
  resolved: string | null;
  updated: string;
  /** Custom field values by field name (`Feilklasse` → ["A"]). */
  fields: Record<string, string[]>;
}

export type RuleSource = 'field' | 'label' | 'priority';

export interface ClassRule {
  source: RuleSource;
  /** The custom field's name, for source `field`. */
  field?: string | undefined;
  value: string;
  class: DefectClass;
}

/** The spec's default priority rules; used when no priority rule is configured. */
export const DEFAULT_PRIORITY_RULES: readonly ClassRule[] = [
  ...['Highest', 'Blocker', 'Critical'].map((value) => ({ source: 'priority' as const, value, class: 'A' as const })),
  ...['High', 'Major'].map((value) => ({ source: 'priority' as const, value, class: 'B' as const })),
  ...['Medium', 'Low', 'Lowest', 'Minor', 'Trivial'].map((value) => ({ source: 'priority' as const, value, class: 'C' as const })),
];

const SOURCE_ORDER: Record<RuleSource, number> = { field: 0, label: 1, priority: 2 };

/** The rules in force: configured ones by source (field, label, priority), defaults for priority. */
export function effectiveRules(configured: readonly ClassRule[]): ClassRule[] {
  const rules = [...configured];
  if (!rules.some((r) => r.source === 'priority')) rules.push(...DEFAULT_PRIORITY_RULES);
  // Stable sort: within a source the configured order stays.
  return rules.sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source]);
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function matches(issue: JiraIssue, rule: ClassRule): boolean {
  switch (rule.source) {
    case 'field': {
      const name = rule.field ?? '';
      const entry = Object.entries(issue.fields).find(([k]) => same(k, name));
      return (entry?.[1] ?? []).some((v) => same(v, rule.value));
    }
    case 'label':
      return issue.labels.some((l) => same(l, rule.value));
    case 'priority':
      return issue.priority !== null && same(issue.priority, rule.value);
  }
}

/** A/B/C by the first matching rule (give effectiveRules' order), or null = unclassified. */
export function classify(issue: JiraIssue, rules: readonly ClassRule[]): DefectClass | null {
  return rules.find((r) => matches(issue, r))?.class ?? null;
}

/** Open as of `t`: created ≤ t and (no resolution date or resolution date > t). */
export function isOpenAt(issue: Pick<JiraIssue, 'created' | 'resolved'>, t: string): boolean {
  const at = Date.parse(t);
  if (Date.parse(issue.created) > at) return false;
  return issue.resolved === null || Date.parse(issue.resolved) > at;
}

export interface DefectCounts {
  A: number;
  B: number;
  C: number;
  unclassified: number;
}

export interface DefectSummary {
  open: DefectCounts;
  total: number;
  /** Open issues no rule classified, by key. */
  unclassified: JiraIssue[];
}

/** Open defects as of `asOf` by class, optionally only those with fix version `release`. */
export function countOpen(
  issues: readonly JiraIssue[],
  rules: readonly ClassRule[],
  options: { asOf: string; release?: string | null | undefined },
): DefectSummary {
  const open: DefectCounts = { A: 0, B: 0, C: 0, unclassified: 0 };
  const unclassified: JiraIssue[] = [];
  const effective = effectiveRules(rules);
  for (const issue of issues) {
    if (!isOpenAt(issue, options.asOf)) continue;
    if (options.release && !issue.fixVersions.some((v) => v === options.release)) continue;
    const cls = classify(issue, effective);
    if (cls) open[cls]++;
    else {
      open.unclassified++;
      unclassified.push(issue);
    }
  }
  unclassified.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return { open, total: open.A + open.B + open.C + open.unclassified, unclassified };
}

/** The newest version seen on the issues (the "latest release"), by Jira's version name order. */
export function latestRelease(issues: readonly JiraIssue[]): string | null {
  const versions = [...new Set(issues.flatMap((i) => i.fixVersions))];
  versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return versions.at(-1) ?? null;
}
