/**
 * The projects demo (after the risk register, before the report): the seed report's three projects,
 * their milestone plan and the re-plan that moved Medielogg's acceptance test (CAT) from 16.05.2025
 * to 18.09.2025 with PM4 and PM5 following, Medielogg's Jira issues as two v3 search pages and a
 * later CSV export, the defect class rules, and KAK's four project risks in the risk register.
 * Every file goes through the real importers; the figures (A 1, B 0, C 5 on the latest release per
 * 01.06.2025) come out of the engines, not from here.
 */

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoContext } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { formatQuantity } from '../../shared/format.ts';
import { type DemoIssue, demoJiraCsv, demoJiraPages } from './projects.demo-jira.ts';

export interface DemoFile {
  kind: string;
  name: string;
  text: string;
  /** Pinned import time and who, so the history reads as it happened. */
  now: string;
  importedBy?: string;
  params?: Record<string, string>;
}

const REGISTER = `id;name;owner;phase;investment_project;jira_key
kak;Ny kommunikasjonsløsning i akuttmedisinsk kjede (KAK);Prosjekteier KAK;Pilot og innføring;KAK;KAK
medielogg;Medielogg;Prosjekteier Medielogg;Akseptansetest;Medielogg;ML
new-emergency-network;Nytt nødnett;Direktør teknologi;Konseptfase;;
`;

const MILESTONE_HEAD = 'project;milestone;name;kind;baseline;planned;actual;amount;follows;reason\n';

const PLAN = `${MILESTONE_HEAD}kak;REGTEST;Regresjonstest LifeX;acceptance;2025-05-23;2025-05-23;;;;
kak;PILOT;Pilotstart;delivery;2025-06-02;2025-06-02;;;;
kak;GOLIVE;Innføringsstart (uke 44);delivery;2025-10-27;2025-10-27;;;;
kak;PMGO;Godkjent produksjonssetting;payment;2025-11-14;2025-11-14;;17 200 000;GOLIVE;
medielogg;CAT;Akseptansetest (CAT-perioden);acceptance;16.05.2025;16.05.2025;;;;
medielogg;PM4;Betalingsmilepæl 4;payment;16.05.2025;16.05.2025;;1 500 000;CAT;
medielogg;PM5;Betalingsmilepæl 5;payment;13.06.2025;13.06.2025;;1 500 000;PM4;
medielogg;PILOT;Pilotstart;delivery;02.06.2025;02.06.2025;;;;
new-emergency-network;ORG;Forslag til prosjektorganisering i helse;other;2025-11-28;2025-11-28;;;;
`;

/** The re-plan of May 2025: only CAT is given; PM4 and PM5 follow it. */
const REPLAN = `${MILESTONE_HEAD}medielogg;CAT;Akseptansetest (CAT-perioden);acceptance;;18.09.2025;;;;I henhold til ny plan
`;

const RULES = `source;value;class
field:Feilklasse;A;A
field:Feilklasse;B;B
field:Feilklasse;C;C
label;A-feil;A
`;

const KAK_RISKS = `id;title;description;owner;category;scope;opened;closed
KAK-R1;Feil som blokkerer innføringen av LifeX blir ikke løst innen innføringsstart i uke 44;;Prosjekteier KAK;delivery;kak;2025-05-26;
KAK-R2;Lokale ledere på pilotkontrollrommene godkjenner ikke oppstart av pilot på grunn av kjente feil;;Prosjekteier KAK;delivery;kak;2025-05-26;
KAK-R3;Nye feil og mangler under piloten gjør at piloten må stoppes på grunn av kritikalitet;;Prosjekteier KAK;delivery;kak;2025-05-26;
KAK-R4;"Flere endringer i løsningene fremover gir nedetid eller ustabilitet; sentrale designvalg, særlig for telefoni, gjenstår";;Prosjekteier KAK;operations;kak;2025-05-26;
`;

/** Every file of the demo in import order; `issues` lets a test change the raw Jira data. */
export function demoProjectFiles(issues?: DemoIssue[]): DemoFile[] {
  const pages = demoJiraPages(issues);
  return [
    { kind: 'projects', name: 'prosjekter.csv', text: REGISTER, now: '2024-11-15T09:00:00.000Z' },
    { kind: 'milestones', name: 'milepaeler.csv', text: PLAN, now: '2024-11-15T09:05:00.000Z', importedBy: 'Prosjektkontoret' },
    {
      kind: 'milestones',
      name: 'milepaeler-ny-plan.csv',
      text: REPLAN,
      now: '2025-05-20T10:00:00.000Z',
      importedBy: 'Prosjekteier Medielogg',
    },
    { kind: 'defect-classes', name: 'feilklasser.csv', text: RULES, now: '2025-05-02T08:00:00.000Z' },
    ...pages.map((text, i) => ({
      kind: 'jira',
      name: `jira-medielogg-side-${i + 1}.json`,
      text,
      now: '2025-05-21T06:00:00.000Z',
      params: { project: 'medielogg' },
    })),
    {
      kind: 'jira',
      name: 'jira-medielogg-eksport.csv',
      text: demoJiraCsv(issues),
      now: '2025-06-04T07:30:00.000Z',
      params: { project: 'medielogg' },
    },
    { kind: 'risks', name: 'risiko-kak.csv', text: KAK_RISKS, now: '2025-05-26T12:00:00.000Z', importedBy: 'Prosjekteier KAK' },
  ];
}

export async function runProjectsDemo(ctx: DemoContext, issues?: DemoIssue[]): Promise<void> {
  for (const f of demoProjectFiles(issues)) {
    const path = join(ctx.dir, f.name);
    await writeFile(path, f.text);
    const result = await ctx.importFile(f.kind, path, {
      now: f.now,
      ...(f.importedBy ? { importedBy: f.importedBy } : {}),
      ...(f.params ? { params: f.params } : {}),
    });
    if (result.status === 'failed') {
      throw new AppError('IMPORT_FAILED', `Demo: import av ${f.name} feilet (demo import failed)`, { problems: result.problems });
    }
    ctx.log(
      `prosjekter: ${f.name} ${result.status === 'duplicate' ? 'allerede importert' : formatQuantity(result.rowCount, 'rad', 'rader')}`,
    );
  }
}
