/** `styrerom projects defects|milestones|sync-jira`: the project figures from the command line. */
import { join } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { formatDate, formatNok, formatNumber } from '../shared/format.ts';
import { parseArgsMessage } from '../shared/parse-args.ts';
import type { Db } from '../storage/db.ts';
import { syncJira } from './defects/jira.sync.ts';
import { KIND_LABELS } from './milestones/milestones.ts';
import { defectStatus, milestoneLines, parseAsOf, requireProject } from './projects.views.ts';

function args(command: string, argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new AppError('USAGE', `${parseArgsMessage(err)}. Se «styrerom ${command} --help».`);
  }
}

function required(command: string, v: Record<string, string | boolean | undefined>, name: string): string {
  const value = v[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('USAGE', `--${name} mangler. Se «styrerom ${command} --help». (Missing --${name})`);
  }
  return value;
}

export async function withDb<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const open = await ctx.openDb();
  try {
    return await fn(open.db);
  } finally {
    await open.close();
  }
}

/** Columns padded to their widest cell; numeric columns right-aligned. */
export function textTable(header: string[], rows: string[][], numeric: number[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric.includes(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${rows.map((r) => `${line(r)}\n`).join('')}`;
}

const dateText = (d: string | null) => (d ? formatDate(d) : '–');

export const projectsDefectsCommand: CliCommand = {
  name: 'projects defects',
  summary: 'Åpne feil per klasse (A/B/C) i et prosjekt per et tidspunkt',
  usage: `Bruk: styrerom projects defects --project <id> --as-of <tidspunkt> [--release <versjon>] [--json]

Teller Jira-sakene som var åpne på tidspunktet (opprettet før og ikke løst før), per feilklasse.
  --project <id>        prosjektets ID
  --as-of <tidspunkt>   ISO-tidspunkt (2025-06-01T00:00:00Z) eller dato (2025-06-01 / 01.06.2025 = slutten av dagen)
  --release <versjon>   bare saker med denne rettelsesversjonen (fix version)
  --json                maskinlesbart: { project, asOf, release, open: { A, B, C, unclassified }, total }`,
  async run(argv, ctx) {
    const v = args('projects defects', argv, {
      project: { type: 'string' },
      'as-of': { type: 'string' },
      release: { type: 'string' },
      json: { type: 'boolean' },
    });
    const project = required('projects defects', v, 'project');
    const asOf = parseAsOf(required('projects defects', v, 'as-of'));
    const release = typeof v.release === 'string' ? v.release : null;
    const s = await withDb(ctx, (db) => defectStatus(db, { project, asOf, release }));
    if (v.json) {
      ctx.stdout(`${JSON.stringify({ project: s.project, asOf: s.asOf, release: s.release, open: s.open, total: s.total }, null, 2)}\n`);
      return 0;
    }
    ctx.stdout(`Åpne feil i ${project} per ${asOf}${release ? `, versjon ${release}` : ''}\n`);
    const rows = [
      ['A-feil', formatNumber(s.open.A)],
      ['B-feil', formatNumber(s.open.B)],
      ['C-feil', formatNumber(s.open.C)],
      ['Uklassifisert', formatNumber(s.open.unclassified)],
      ['Sum', formatNumber(s.total)],
    ];
    ctx.stdout(textTable(['Klasse', 'Antall'], rows, [1]));
    if (s.unclassified.length > 0) {
      ctx.stdout(
        `\nUklassifiserte saker (ingen regel traff):\n${s.unclassified.map((i) => `  ${i.key}  ${i.priority ?? '–'}  ${i.summary}\n`).join('')}`,
      );
    }
    return 0;
  },
};

export const projectsMilestonesCommand: CliCommand = {
  name: 'projects milestones',
  summary: 'Milepælene i et prosjekt med opprinnelig, planlagt og faktisk dato, slipp og historikk',
  usage: `Bruk: styrerom projects milestones --project <id> [--json]

  --project <id>   prosjektets ID
  --json           maskinlesbart: milepælene med baseline, planned, actual, slipDays og history`,
  async run(argv, ctx) {
    const v = args('projects milestones', argv, { project: { type: 'string' }, json: { type: 'boolean' } });
    const project = required('projects milestones', v, 'project');
    const lines = await withDb(ctx, (db) => milestoneLines(db, project));
    if (v.json) {
      const out = lines.map((m) => ({
        milestone: m.id,
        name: m.name,
        kind: m.kind,
        baseline: m.baseline,
        planned: m.planned,
        actual: m.actual,
        amount: m.amountOre === null ? null : m.amountOre / 100,
        follows: m.follows,
        slipDays: m.slipDays,
        history: m.history,
      }));
      ctx.stdout(`${JSON.stringify({ project, milestones: out }, null, 2)}\n`);
      return 0;
    }
    ctx.stdout(`Milepæler i ${project}\n`);
    const rows = lines.map((m) => [
      m.id,
      m.name,
      KIND_LABELS[m.kind],
      dateText(m.baseline),
      dateText(m.planned),
      dateText(m.actual),
      m.slipDays === null ? '–' : formatNumber(m.slipDays),
      m.amountOre === null ? '' : formatNok(m.amountOre),
      m.follows ?? '',
    ]);
    ctx.stdout(textTable(['ID', 'Navn', 'Type', 'Opprinnelig', 'Planlagt', 'Faktisk', 'Slipp (dager)', 'Beløp', 'Følger'], rows, [6, 7]));
    const history = lines.flatMap((m) =>
      m.history.map(
        (h) => `  ${m.id}: ${dateText(h.oldDate)} → ${dateText(h.newDate)} (${h.changedAt.slice(0, 10)}, ${h.changedBy}) ${h.reason}\n`,
      ),
    );
    if (history.length > 0) ctx.stdout(`\nEndringer av planlagt dato:\n${history.join('')}`);
    return 0;
  },
};

export const projectsSyncJiraCommand: CliCommand = {
  name: 'projects sync-jira',
  summary: 'Henter prosjektets saker fra Jira gjennom REST-API-et og importerer dem',
  usage: `Bruk: styrerom projects sync-jira --project <id>

Henter alle sider av prosjektets JQL fra Jira (STYREROM_JIRA_URL, STYREROM_JIRA_TOKEN,
STYREROM_JIRA_JQL, STYREROM_JIRA_API_VERSION; se docs/configuration.md), lagrer hver side under
datamappa og importerer den som «styrerom import jira». Svar 429 prøves igjen etter Retry-After.
  --project <id>   prosjektets ID; prosjektet må ha en Jira-nøkkel i registeret`,
  async run(argv, ctx) {
    const v = args('projects sync-jira', argv, { project: { type: 'string' } });
    const project = required('projects sync-jira', v, 'project');
    const now = new Date().toISOString();
    const result = await withDb(ctx, async (db) => {
      const p = await requireProject(db, project);
      if (!p.jiraKey) throw new AppError('VALIDATION', `Prosjektet «${project}» har ingen Jira-nøkkel i registeret`);
      return syncJira(db, {
        config: ctx.config.jira,
        project,
        jiraKey: p.jiraKey,
        dir: join(ctx.config.dataDir, 'jira', project, now.replace(/[:.]/g, '-')),
        now,
        importedBy: 'cli:sync-jira',
        onPage: (n, count) => ctx.stderr(`Side ${n}: ${formatNumber(count)} saker\n`),
      });
    });
    ctx.stdout(`✓ ${formatNumber(result.issues)} saker hentet fra Jira på ${formatNumber(result.pages)} side(r) for ${project}\n`);
    return 0;
  },
};

export const projectsCommands: CliCommand[] = [projectsDefectsCommand, projectsMilestonesCommand, projectsSyncJiraCommand];
