/** The effective template: a file given on the command line, else the organisation's stored one, else the default. */
import { readFile } from 'node:fs/promises';
import { AppError } from '../shared/errors.ts';
import type { Db } from '../storage/db.ts';
import { DEFAULT_TEMPLATE } from './template.default.ts';
import { parseTemplateJson, type ReportTemplate } from './template.ts';

export type TemplateSource = 'file' | 'database' | 'default';

export async function storeTemplate(db: Db, template: ReportTemplate, by: string, now: string): Promise<void> {
  await db
    .insertInto('report_templates')
    .values({ template: JSON.stringify(template), created_by: by, created_at: now })
    .execute();
}

export async function storedTemplate(db: Db): Promise<ReportTemplate | undefined> {
  const row = await db.selectFrom('report_templates').select('template').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? parseTemplateJson(row.template, 'report_templates') : undefined;
}

export async function readTemplateFile(path: string): Promise<ReportTemplate> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${path}: malfila finnes ikke eller kan ikke leses (template file unreadable)`, { cause: err });
  }
  return parseTemplateJson(text, path);
}

export async function effectiveTemplate(db: Db, file?: string): Promise<{ template: ReportTemplate; source: TemplateSource }> {
  if (file) return { template: await readTemplateFile(file), source: 'file' };
  const stored = await storedTemplate(db);
  return stored ? { template: stored, source: 'database' } : { template: DEFAULT_TEMPLATE, source: 'default' };
}
