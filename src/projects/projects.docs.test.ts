import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/databases.ts';
import { runImport, sourceFromPath } from '../imports/imports.ts';
import { defectClassesImporter, jiraImporter } from './defects/jira.import.ts';
import { milestonesImporter } from './milestones/milestones.import.ts';
import { defectStatus, milestoneLines, parseAsOf } from './projects.views.ts';
import { projectsImporter } from './register/register.import.ts';

const EXAMPLES = fileURLToPath(new URL('../../docs/import-formats/examples/projects/', import.meta.url));

describe('docs/import-formats/examples/projects', () => {
  it('imports cleanly in the documented order and gives the documented figures', async () => {
    const open = await freshDatabase('sqlite');
    const steps = [
      [projectsImporter, 'prosjekter.csv', undefined],
      [milestonesImporter, 'milepaeler.csv', undefined],
      [milestonesImporter, 'milepaeler-ny-plan.csv', undefined],
      [defectClassesImporter, 'feilklasser.csv', undefined],
      [jiraImporter, 'jira-v3-side.json', { project: 'medielogg' }],
      [jiraImporter, 'jira-eksport.csv', { project: 'medielogg' }],
    ] as const;
    for (const [importer, file, params] of steps) {
      const r = await runImport(open.db, importer, sourceFromPath(join(EXAMPLES, file)), params ? { params } : {});
      expect([file, r.status, r.problems]).toEqual([file, 'succeeded', []]);
    }
    const lines = await milestoneLines(open.db, 'medielogg');
    expect(lines.map((m) => [m.id, m.planned])).toEqual([
      ['CAT', '2025-09-18'],
      ['PM4', '2025-09-18'],
      ['PM5', '2025-10-16'],
    ]);
    const s = await defectStatus(open.db, { project: 'medielogg', asOf: parseAsOf('01.06.2025') });
    expect(s.open).toEqual({ A: 1, B: 0, C: 1, unclassified: 0 });
    await open.close();
  });
});
