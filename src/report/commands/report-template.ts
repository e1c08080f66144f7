import type { CliCommand } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { effectiveTemplate, readTemplateFile, storeTemplate } from '../template.queries.ts';
import { actor, parse, withReportDeps } from './support.ts';

export const reportTemplateShowCommand: CliCommand = {
  name: 'report template show',
  summary: 'Viser rapportmalen som brukes (organisasjonens eller standardmalen) som JSON',
  usage: 'Bruk: styrerom report template show',
  async run(argv, ctx) {
    parse('report template show', argv, {});
    const { template, source } = await withReportDeps(ctx, ({ db }) => effectiveTemplate(db));
    ctx.stderr(`Kilde: ${source === 'database' ? 'organisasjonens mal (databasen)' : 'standardmalen'}\n`);
    ctx.stdout(`${JSON.stringify(template, null, 2)}\n`);
    return 0;
  },
};

export const reportTemplateSetCommand: CliCommand = {
  name: 'report template set',
  summary: 'Lagrer organisasjonens rapportmal fra en JSON-fil',
  usage: `Bruk: styrerom report template set --file <mal.json> [--by <navn>]

Malen er { "title": "...", "sections": [ { "id", "title", "blocks": [...], "narrative": "before|after|none",
"sections": [...] } ] }. Se «styrerom report template show» for standardmalen.`,
  async run(argv, ctx) {
    const { values } = parse('report template set', argv, { file: { type: 'string' }, by: { type: 'string' } });
    if (!values.file) throw new AppError('USAGE', '--file <mal.json> mangler. Se «styrerom report template set --help».');
    const template = await readTemplateFile(values.file);
    await withReportDeps(ctx, ({ db }) => storeTemplate(db, template, actor(values.by), new Date().toISOString()));
    ctx.stdout(`Rapportmalen er lagret (${template.sections.length} hovedseksjoner).\n`);
    return 0;
  },
};
