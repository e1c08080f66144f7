import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../imports/imports.ts';
import { listIssues, listRules } from './defects/defects.queries.ts';
import { countOpen } from './defects/defects.ts';
import { defectClassesImporter, jiraImporter } from './defects/jira.import.ts';
import { type IssueSpec, v2Page, v3Page } from './defects/jira.testing.ts';
import { milestonesImporter } from './milestones/milestones.import.ts';
import { listChanges, listMilestones } from './milestones/milestones.queries.ts';
import { projectsImporter } from './register/register.import.ts';
import { listProjects } from './register/register.queries.ts';

const dir = mkdtempSync(join(tmpdir(), 'projects-import-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const REGISTER = `id;name;owner;phase;investment_project;jira_key
medielogg;Medielogg;Prosjekteier;Gjennomføring;Medielogg;ML
kak;KAK;Prosjekteier KAK;Gjennomføring;KAK;
`;
const PLAN = `project;milestone;name;kind;baseline;planned;actual;amount;follows;reason
medielogg;CAT;Akseptansetest;acceptance;2025-05-16;16.05.2025;;;;
medielogg;PM4;Betaling 4;payment;2025-05-16;2025-05-16;;1 500 000;CAT;
medielogg;PM5;Betaling 5;payment;2025-06-13;2025-06-13;;1500000,00;PM4;
`;
const ISSUES: IssueSpec[] = [
  { key: 'ML-1', priority: 'Blocker', created: '2025-05-28T09:15:00.000+0000', fixVersions: ['3.2'] },
  { key: 'ML-2', priority: 'Minor', created: '2025-05-02T10:00:00.000+0200', fixVersions: ['3.2'] },
  { key: 'ML-3', priority: 'Major', created: '2025-04-02T10:00:00.000+0000', resolved: '2025-05-30T10:00:00.000+0000' },
  { key: 'ML-4', priority: 'Whatever', created: '2025-04-02T10:00:00.000+0000' },
  { key: 'ML-5', priority: 'Minor', created: '2025-04-02T10:00:00.000+0000', feilklasse: 'A' },
];
const asOf = '2025-06-01T00:00:00.000Z';

describeEachDialect('projects importers', (ctx) => {
  const run = (imp: typeof jiraImporter, name: string, text: string, params?: Record<string, string>, now = '2025-05-02T08:00:00.000Z') =>
    runImport(ctx.db, imp, sourceFromPath(file(name, text)), { now, params, importedBy: 'test' });

  it('imports the register and the milestone plan (DD.MM.YYYY and amounts)', async () => {
    expect((await run(projectsImporter, 'projects.csv', REGISTER)).status).toBe('succeeded');
    expect((await listProjects(ctx.db)).map((p) => [p.id, p.jiraKey])).toEqual([
      ['kak', null],
      ['medielogg', 'ML'],
    ]);
    const r = await run(milestonesImporter, 'plan.csv', PLAN);
    expect([r.status, r.rowCount, r.problems]).toEqual(['succeeded', 3, []]);
    const m = await listMilestones(ctx.db, 'medielogg');
    expect(m.map((x) => [x.id, x.planned, x.amountOre, x.follows])).toEqual([
      ['CAT', '2025-05-16', null, null],
      ['PM4', '2025-05-16', 150_000_000, 'CAT'],
      ['PM5', '2025-06-13', 150_000_000, 'PM4'],
    ]);
  });

  it('records a re-imported planned date as a change with reason, time and who; followers move', async () => {
    const moved = `project;milestone;name;kind;baseline;planned;actual;amount;follows;reason\nmedielogg;CAT;Akseptansetest;acceptance;;18.09.2025;;;;Ny plan\nmedielogg;PM4;Betaling 4;payment;;2025-05-16;;1500000;CAT;\n`;
    const r = await run(milestonesImporter, 'moved.csv', moved, undefined, '2025-05-20T09:00:00.000Z');
    expect(r.status).toBe('succeeded');
    const planned = Object.fromEntries((await listMilestones(ctx.db, 'medielogg')).map((m) => [m.id, [m.baseline, m.planned]]));
    expect(planned).toEqual({ CAT: ['2025-05-16', '2025-09-18'], PM4: ['2025-05-16', '2025-09-18'], PM5: ['2025-06-13', '2025-10-16'] });
    const changes = await listChanges(ctx.db, 'medielogg');
    expect(changes.map((c) => [c.milestone, c.oldDate, c.newDate, c.reason, c.changedAt, c.changedBy])).toEqual([
      ['CAT', '2025-05-16', '2025-09-18', 'Ny plan', '2025-05-20T09:00:00.000Z', 'test'],
      ['PM4', '2025-05-16', '2025-09-18', 'Følger CAT: Ny plan', '2025-05-20T09:00:00.000Z', 'test'],
      ['PM5', '2025-06-13', '2025-10-16', 'Følger CAT: Ny plan', '2025-05-20T09:00:00.000Z', 'test'],
    ]);
  });

  it('rejects a new planned date without reason, an unknown project and a bad date, naming line and field', async () => {
    const bad = `project;milestone;name;kind;baseline;planned;actual;amount;follows;reason\nmedielogg;CAT;;acceptance;;2025-10-01;;;;\nukjent;X;;other;;2025-01-01;;;;\nmedielogg;GO;;other;;31.02.2025;;;;\n`;
    const r = await run(milestonesImporter, 'bad.csv', bad);
    expect(r.status).toBe('failed');
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'planned'],
      [3, 'project'],
      [2, 'reason'],
    ]);
    expect(r.problems[0]?.message).toContain('ugyldig dato «31.02.2025»');
    expect((await listChanges(ctx.db, 'medielogg')).length).toBe(3);
  });

  it('gives the same counts from a v2 page and a v3 page of the same issues', async () => {
    const v3 = await run(jiraImporter, 'v3.json', JSON.stringify(v3Page(ISSUES)), { project: 'medielogg' });
    expect([v3.status, v3.rowCount]).toEqual(['succeeded', 5]);
    const fromV3 = countOpen(await listIssues(ctx.db, 'medielogg'), [], { asOf });
    await run(projectsImporter, 'p2.csv', `${REGISTER}other;Annet;;;;\n`);
    const v2 = await run(jiraImporter, 'v2.json', JSON.stringify(v2Page(ISSUES)), { project: 'other' });
    expect([v2.status, v2.rowCount]).toEqual(['succeeded', 5]);
    const fromV2 = countOpen(await listIssues(ctx.db, 'other'), [], { asOf });
    expect(fromV3.open).toEqual({ A: 1, B: 0, C: 2, unclassified: 1 });
    expect(fromV2.open).toEqual(fromV3.open);
    expect(fromV3.unclassified.map((i) => i.key)).toEqual(['ML-4']);
  });

  it('classifies by the imported rules (custom field first) and lists what stays unclassified', async () => {
    const rules = `source;value;class\npriority;Whatever;B\nfield:Feilklasse;A;A\n`;
    expect((await run(defectClassesImporter, 'rules.csv', rules)).status).toBe('succeeded');
    const s = countOpen(await listIssues(ctx.db, 'medielogg'), await listRules(ctx.db), { asOf });
    // ML-5 is Minor by priority but A by the custom field; priority rules are now only "Whatever".
    expect(s.open).toEqual({ A: 1, B: 1, C: 0, unclassified: 2 });
    expect(s.unclassified.map((i) => i.key)).toEqual(['ML-1', 'ML-2']);
    await run(defectClassesImporter, 'rules0.csv', 'source;value;class\nlabel;none;C\n');
  });

  it('updates an issue imported again (reopened: resolution cleared) and treats the same file twice as a duplicate', async () => {
    const reopened = { ...ISSUES[2], resolved: null, updated: '2025-05-31T12:00:00.000+0000' } as IssueSpec;
    const page = JSON.stringify(v3Page([reopened]));
    expect((await run(jiraImporter, 'reopen.json', page, { project: 'medielogg' })).status).toBe('succeeded');
    expect((await run(jiraImporter, 'reopen-again.json', page, { project: 'medielogg' })).status).toBe('duplicate');
    const issues = await listIssues(ctx.db, 'medielogg');
    expect(issues.length).toBe(5);
    expect(issues.find((i) => i.key === 'ML-3')?.resolved).toBeNull();
    // An older copy imported later does not win over the newer one.
    await run(jiraImporter, 'old.json', JSON.stringify(v2Page([ISSUES[2] as IssueSpec])), { project: 'medielogg' });
    expect((await listIssues(ctx.db, 'medielogg')).find((i) => i.key === 'ML-3')?.resolved).toBeNull();
  });

  it('reads a CSV export: BOM, repeated Labels, Custom field (…), multi-line description, 14/Jul/25 3:42 PM', async () => {
    const csv = `\uFEFFSummary,Issue key,Issue id,Issue Type,Status,Priority,Created,Updated,Resolved,Labels,Labels,Fix Version/s,Custom field (Feilklasse),Description
"Lyd mangler",ML-10,20010,Bug,Open,Minor,14/Jul/25 3:42 PM,15/Jul/25 9:05 AM,,A-feil,siprec,3.3,,"Første linje
andre linje, med komma"
Tregt søk,ML-11,20011,Bug,Done,Minor,01/Jul/25 12:00 AM,03/Jul/25 12:30 PM,03/Jul/25 12:30 PM,,,3.3,B,
`;
    const r = await run(jiraImporter, 'export.csv', csv, { project: 'kak' });
    expect([r.status, r.rowCount, r.problems]).toEqual(['succeeded', 2, []]);
    const issues = await listIssues(ctx.db, 'kak');
    const ml10 = issues.find((i) => i.key === 'ML-10');
    expect(ml10?.labels).toEqual(['A-feil', 'siprec']);
    expect(ml10?.created).toBe('2025-07-14T13:42:00.000Z');
    expect(issues.find((i) => i.key === 'ML-11')?.fields).toEqual({ Feilklasse: ['B'] });
    const s = countOpen(issues, [{ source: 'label', value: 'A-feil', class: 'A' }], { asOf: '2025-07-14T13:42:00.000Z' });
    expect(s.open).toEqual({ A: 1, B: 0, C: 0, unclassified: 0 });
  });

  it('names the line and field of a bad export date, with the format to use; --date-format changes it', async () => {
    const csv = 'Issue key,Created,Priority\nKAK-1,2025-13-01,Minor\n';
    const r = await run(jiraImporter, 'baddate.csv', csv, { project: 'kak' });
    expect(r.status).toBe('failed');
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column])).toEqual([[2, 'Created']]);
    expect(r.problems[0]?.message).toContain('dd/MMM/yy h:mm a');
    const ok = await run(jiraImporter, 'dmy.csv', 'Issue key,Created,Priority\nKAK-1,01.06.2025 14:05,Minor\n', {
      project: 'kak',
      'date-format': 'dd.MM.yyyy HH:mm',
    });
    expect(ok.status).toBe('succeeded');
  });

  it('refuses a Jira import without --project or for an unknown project', async () => {
    await expect(run(jiraImporter, 'x.json', '{"issues":[],"isLast":true}')).rejects.toThrow(/krever «--project»/);
    const r = await run(jiraImporter, 'y.json', '{"issues":[],"isLast":true}', { project: 'nope' });
    expect([r.status, r.problems[0]?.column]).toEqual(['failed', '--project']);
  });
});
