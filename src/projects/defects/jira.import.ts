/**
 * `styrerom import jira <file> --project <id> [--date-format <format>]`: one REST search page (v2 or
 * v3 JSON) or one CSV export. `styrerom import defect-classes <file>`: the class rules,
 * `source;value;class` with source `field:<name>`, `label` or `priority`.
 */
import { problem } from '../../imports/decode.ts';
import type { ImportContext, Importer } from '../../imports/imports.ts';
import { defineTableImporter } from '../../imports/table-importer.ts';
import { readTextFile } from '../../imports/text-stream.ts';
import { replaceRules, upsertIssues } from './defects.queries.ts';
import type { ClassRule, DefectClass, JiraIssue } from './defects.ts';
import { readJiraCsv } from './jira-csv.ts';
import { issueFromRest, readJiraPage } from './jira-json.ts';

/** Pages and exports larger than this are not a single search page. */
const MAX_BYTES = 200 * 1024 * 1024;

function readJson(text: string, ctx: ImportContext): JiraIssue[] {
  const file = ctx.source.fileName;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    ctx.report(problem(file, `ugyldig JSON: ${(err as Error).message}`, 'invalid JSON'));
    return [];
  }
  const page = readJiraPage(json);
  if (!page) {
    ctx.report(
      problem(
        file,
        'ikke en Jira-søkeside: forventet «issues» med «startAt/total» (v2) eller «isLast/nextPageToken» (v3)',
        'not a Jira search page',
      ),
    );
    return [];
  }
  const issues: JiraIssue[] = [];
  page.issues.forEach((raw, index) => {
    const { issue, problems } = issueFromRest(raw, index, page.names);
    for (const p of problems)
      ctx.report(problem(file, `sak ${index + 1}${p.key ? ` (${p.key})` : ''}: ${p.message}`, p.messageEn, { column: p.field }));
    if (issue) issues.push(issue);
  });
  return issues;
}

function readCsv(text: string, ctx: ImportContext): JiraIssue[] {
  const { issues, problems } = readJiraCsv(text, { dateFormat: ctx.params['date-format'], maxLineChars: ctx.limits.maxLineChars });
  for (const p of problems) ctx.report(problem(ctx.source.fileName, p.message, p.messageEn, { line: p.line, column: p.field }));
  return issues.map((i) => i.issue);
}

export const jiraImporter: Importer = {
  kind: 'jira',
  label: 'Jira-saker (feil fra akseptansetest)',
  description: 'Jira issues of a project: a REST search page (v2 startAt/total or v3 nextPageToken/isLast) or a CSV export.',
  options: [
    { name: 'project', description: 'prosjektets ID i prosjektregisteret', required: true },
    { name: 'date-format', description: 'datoformatet i en CSV-eksport, f.eks. «dd/MMM/yy h:mm a»' },
  ],
  async run(ctx) {
    const file = ctx.source.fileName;
    const project = ctx.params.project ?? '';
    const known = await ctx.trx.selectFrom('projects').select('id').where('id', '=', project).executeTakeFirst();
    if (!known) {
      ctx.report(problem(file, `prosjektet «${project}» finnes ikke i prosjektregisteret`, 'unknown project', { column: '--project' }));
      return 0;
    }
    // JSON is parsed whole: read (decoded, with the encoding asked for) up to the smaller cap.
    const { text, encoding } = await readTextFile(ctx.source.path, file, {
      encoding: ctx.encoding,
      maxBytes: Math.min(MAX_BYTES, ctx.limits.maxUploadBytes),
    });
    ctx.usedEncoding(encoding);
    const issues = /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? readJson(text, ctx) : readCsv(text, ctx);
    const keys = new Set<string>();
    for (const i of issues) {
      if (keys.has(i.key)) ctx.report(problem(file, `saken ${i.key} står flere ganger i fila`, 'duplicate issue key', { column: 'key' }));
      keys.add(i.key);
    }
    ctx.progress(text.length, text.length);
    if (issues.length === 0) ctx.report(problem(file, 'fila inneholder ingen saker', 'no issues in the file', { severity: 'warning' }));
    const { inserted, updated } = await upsertIssues(ctx.trx, project, issues, ctx.runId);
    return inserted + updated;
  },
};

const CLASSES: readonly string[] = ['A', 'B', 'C'];

export const defectClassesImporter = defineTableImporter<ClassRule>({
  kind: 'defect-classes',
  label: 'Feilklasseregler',
  description: 'Defect class rules in order: source;value;class (source field:<name>, label or priority); replaces the rule set.',
  columns: [{ name: 'source' }, { name: 'value' }, { name: 'class' }],
  parseRow(record, ctx) {
    const source = (record.values.source ?? '').trim();
    const value = (record.values.value ?? '').trim();
    const cls = (record.values.class ?? '').trim().toUpperCase();
    let ok = true;
    const fieldMatch = /^field:(.+)$/i.exec(source);
    if (!fieldMatch && !['label', 'priority'].includes(source.toLowerCase())) {
      ctx.problem('source', `ukjent kilde «${source}»; bruk field:<navn>, label eller priority`, 'unknown source');
      ok = false;
    }
    if (value === '') {
      ctx.problem('value', 'verdi mangler', 'value missing');
      ok = false;
    }
    if (!CLASSES.includes(cls)) {
      ctx.problem('class', `ukjent klasse «${cls}»; bruk A, B eller C`, 'unknown class');
      ok = false;
    }
    if (!ok) return undefined;
    return fieldMatch
      ? { source: 'field', field: fieldMatch[1]?.trim(), value, class: cls as DefectClass }
      : { source: source.toLowerCase() as 'label' | 'priority', value, class: cls as DefectClass };
  },
  async write(trx, rows) {
    await replaceRules(trx, rows);
  },
});
