/**
 * Medielogg's acceptance-test issues as Jira would give them: a v3 search in two pages
 * (`nextPageToken` / `isLast`, `+0000` offsets, the `Feilklasse` custom field by id with `names`)
 * fetched 21.05.2025, and a CSV export of 04.06.2025 ("all fields": BOM, repeated `Labels`,
 * `Custom field (Feilklasse)`, a multi-line description, `dd/MMM/yy h:mm a` dates) in which one
 * issue was resolved, one reopened and one is new.
 */

export interface DemoIssue {
  key: string;
  summary: string;
  priority: string;
  version: string;
  created: string;
  /** Resolution as of the JSON pages (21.05) and as of the CSV export (04.06). */
  resolvedInPages: string | null;
  resolvedInExport: string | null;
  /** Not yet created when the pages were fetched. */
  onlyInExport?: boolean;
  labels?: string[];
  feilklasse?: string;
  description?: string;
}

export const DEMO_ISSUES: DemoIssue[] = [
  {
    key: 'ML-101',
    summary: 'Feil tidsstempel i søkeresultat',
    priority: 'Critical',
    version: '2.3',
    created: '2025-03-10T08:12:00.000+0000',
    resolvedInPages: '2025-04-15T13:00:00.000+0000',
    resolvedInExport: '2025-04-15T13:00:00.000+0000',
  },
  {
    key: 'ML-102',
    summary: 'Eksport til PDF mangler metadata',
    priority: 'Major',
    version: '2.3',
    created: '2025-03-12T09:30:00.000+0000',
    resolvedInPages: '2025-05-09T10:00:00.000+0000',
    resolvedInExport: '2025-05-09T10:00:00.000+0000',
  },
  {
    key: 'ML-103',
    summary: 'Skrivefeil i hjelpetekst',
    priority: 'Trivial',
    version: '2.3',
    created: '2025-03-14T10:00:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: null,
  },
  {
    key: 'ML-110',
    summary: 'Avspilling starter ikke ved første klikk',
    priority: 'Major',
    version: '2.4',
    created: '2025-04-22T07:45:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: '2025-05-27T12:20:00.000+0000',
  },
  {
    key: 'ML-111',
    summary: 'Kolonnebredde lagres ikke',
    priority: 'Minor',
    version: '2.4',
    created: '2025-04-23T08:00:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: null,
  },
  {
    key: 'ML-112',
    summary: 'Sortering på varighet er alfabetisk',
    priority: 'Low',
    version: '2.4',
    created: '2025-04-24T11:10:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: null,
  },
  {
    key: 'ML-113',
    summary: 'Treg lasting av lange opptak',
    priority: 'High',
    version: '2.4',
    created: '2025-04-29T13:00:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: null,
    feilklasse: 'C',
  },
  {
    key: 'ML-114',
    summary: 'Feil ikon for videoopptak',
    priority: 'Minor',
    version: '2.4',
    created: '2025-05-06T09:00:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: null,
  },
  {
    key: 'ML-116',
    summary: 'Filter nullstilles ved navigering',
    priority: 'Minor',
    version: '2.4',
    created: '2025-04-25T10:00:00.000+0000',
    resolvedInPages: '2025-05-19T15:00:00.000+0000',
    resolvedInExport: '2025-05-19T15:00:00.000+0000',
  },
  {
    key: 'ML-117',
    summary: 'Tidssone vises feil i eksportert logg',
    priority: 'Minor',
    version: '2.4',
    created: '2025-05-05T08:30:00.000+0000',
    resolvedInPages: '2025-05-20T09:00:00.000+0000',
    resolvedInExport: null,
  },
  {
    key: 'ML-120',
    summary: 'Manglende lyd på opptak via SIPREC-integrasjonen mot LifeX',
    priority: 'Highest',
    version: '2.4',
    created: '2025-05-14T12:05:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: null,
    labels: ['A-feil', 'siprec'],
    description: 'Under visse forutsetninger mangler lyd på opptak.\nFeilen er sporet til meldingsflyten fra LifeX.',
  },
  {
    key: 'ML-121',
    summary: 'Krasj ved import av korttidslydlogg',
    priority: 'Critical',
    version: '2.4',
    created: '2025-06-03T08:00:00.000+0000',
    resolvedInPages: null,
    resolvedInExport: null,
    onlyInExport: true,
    feilklasse: 'A',
  },
];

function restIssue(i: DemoIssue, n: number): unknown {
  const resolved = i.resolvedInPages;
  return {
    id: String(30000 + n),
    key: i.key,
    fields: {
      summary: i.summary,
      issuetype: { name: 'Bug' },
      priority: { name: i.priority },
      status: resolved ? { name: 'Ferdig', statusCategory: { key: 'done' } } : { name: 'Åpen', statusCategory: { key: 'new' } },
      labels: i.labels ?? [],
      components: [{ name: 'Medielogg' }],
      fixVersions: [{ name: i.version }],
      created: i.created,
      resolutiondate: resolved,
      updated: resolved ?? '2025-05-21T05:00:00.000+0000',
      customfield_10200: i.feilklasse ? { value: i.feilklasse, id: '10' } : null,
    },
  };
}

/** Two v3 `search/jql` pages of the issues that existed on 21.05.2025. */
export function demoJiraPages(issues: DemoIssue[] = DEMO_ISSUES): string[] {
  const known = issues.filter((i) => !i.onlyInExport);
  const half = Math.ceil(known.length / 2);
  const names = { customfield_10200: 'Feilklasse' };
  return [
    JSON.stringify({ issues: known.slice(0, half).map(restIssue), names, nextPageToken: 'CAEaAggD', isLast: false }, null, 2),
    JSON.stringify({ issues: known.slice(half).map((i, n) => restIssue(i, half + n)), names, isLast: true }, null, 2),
  ];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-05-27T12:20:00.000+0000` → `27/May/25 2:20 PM` (the exporting user in Europe/Oslo, summer time). */
function exportDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) + 2 * 3600 * 1000);
  const h = d.getUTCHours();
  const hour = h % 12 === 0 ? 12 : h % 12;
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${day}/${MONTHS[d.getUTCMonth()]}/${String(d.getUTCFullYear()).slice(2)} ${hour}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV export of 04.06.2025: the issues touched since the pages (resolved, reopened, new). */
export function demoJiraCsv(issues: DemoIssue[] = DEMO_ISSUES): string {
  const header = [
    'Summary',
    'Issue key',
    'Issue id',
    'Issue Type',
    'Status',
    'Status Category',
    'Priority',
    'Created',
    'Updated',
    'Resolved',
    'Labels',
    'Labels',
    'Fix Version/s',
    'Custom field (Feilklasse)',
    'Description',
  ];
  const changed = issues.filter((i) => i.onlyInExport || i.resolvedInExport !== i.resolvedInPages || i.description);
  const rows = changed.map((i, n) => {
    const done = Boolean(i.resolvedInExport);
    const updated = i.resolvedInExport ?? (i.onlyInExport ? i.created : '2025-05-28T12:10:00.000+0000');
    return [
      i.summary,
      i.key,
      String(31000 + n),
      'Bug',
      done ? 'Ferdig' : i.resolvedInPages ? 'Gjenåpnet' : 'Åpen',
      done ? 'Done' : i.resolvedInPages ? 'In Progress' : 'To Do',
      i.priority,
      exportDate(i.created),
      exportDate(updated),
      exportDate(i.resolvedInExport),
      i.labels?.[0] ?? '',
      i.labels?.[1] ?? '',
      i.version,
      i.feilklasse ?? '',
      i.description ?? '',
    ]
      .map(csvCell)
      .join(',');
  });
  return `\uFEFF${header.join(',')}\n${rows.join('\n')}\n`;
}
