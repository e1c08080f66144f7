/** Test helpers: a project database with a small plan and issues, and a CLI context around it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { importOrThrow, sourceFromPath } from '../imports/imports.ts';
import type { CliContext } from '../module.ts';
import type { Db, OpenDatabase } from '../storage/db.ts';
import { jiraImporter } from './defects/jira.import.ts';
import { type IssueSpec, v3Page } from './defects/jira.testing.ts';
import { milestonesImporter } from './milestones/milestones.import.ts';
import { projectsImporter } from './register/register.import.ts';

export const TEST_ISSUES: IssueSpec[] = [
  { key: 'ML-1', priority: 'Blocker', created: '2025-05-28T09:15:00.000+0000', fixVersions: ['3.2'] },
  { key: 'ML-2', priority: 'Minor', created: '2025-05-02T10:00:00.000+0200', fixVersions: ['3.2'] },
  {
    key: 'ML-3',
    priority: 'Major',
    created: '2025-04-02T10:00:00.000+0000',
    resolved: '2025-05-30T10:00:00.000+0000',
    fixVersions: ['3.1'],
  },
  { key: 'ML-4', priority: 'Odd', created: '2025-04-02T10:00:00.000+0000', fixVersions: ['3.1'] },
];

/** Imports a register (medielogg, kak), a plan with one move in May 2025 and TEST_ISSUES. */
export async function seedProjects(db: Db): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'projects-seed-'));
  const put = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return sourceFromPath(path);
  };
  await importOrThrow(
    db,
    projectsImporter,
    put(
      'p.csv',
      'id;name;owner;phase;investment_project;jira_key\nmedielogg;Medielogg;Eier;Gjennomføring;Medielogg;ML\nkak;KAK;Eier;Gjennomføring;;\n',
    ),
    {
      now: '2025-01-10T08:00:00.000Z',
    },
  );
  const head = 'project;milestone;name;kind;baseline;planned;actual;amount;follows;reason\n';
  await importOrThrow(
    db,
    milestonesImporter,
    put(
      'm1.csv',
      `${head}medielogg;CAT;Akseptansetest;acceptance;;2025-05-16;;;;\nmedielogg;PM4;Betaling 4;payment;;2025-05-16;;1500000;CAT;\n`,
    ),
    {
      now: '2025-01-10T08:00:00.000Z',
    },
  );
  await importOrThrow(db, milestonesImporter, put('m2.csv', `${head}medielogg;CAT;Akseptansetest;acceptance;;2025-09-18;;;;Ny plan\n`), {
    now: '2025-05-20T08:00:00.000Z',
    importedBy: 'pl',
  });
  await importOrThrow(db, jiraImporter, put('j.json', JSON.stringify(v3Page(TEST_ISSUES))), {
    params: { project: 'medielogg' },
    now: '2025-06-01T08:00:00.000Z',
  });
}

export function cliContext(open: OpenDatabase, env: NodeJS.ProcessEnv = {}): { ctx: CliContext; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    ctx: {
      config: loadConfig(env),
      openDb: async () => ({ ...open, close: async () => {} }),
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
    },
  };
}
