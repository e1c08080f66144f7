import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { formatMonth } from '../../shared/format.ts';
import { narrativeHistory } from '../narratives.queries.ts';
import { saveNarrative, sectionTexts } from '../narratives.ts';
import { actor, parse, requirePeriod, withReportDeps } from './support.ts';

export const narrativeSetCommand: CliCommand = {
  name: 'narrative set',
  summary: 'Lagrer teksten (Markdown) til en seksjon i månedsrapporten',
  usage: `Bruk: styrerom narrative set <seksjon-id> --period ÅÅÅÅ-MM --file <tekst.md> [--by <navn>]

Teksten er Markdown. Den kan vise beregnede verdier, {{ kpi.<id> }} (f.eks. {{ kpi.workforce.sickLeave.total }};
«| abs» gir tallverdien uten fortegn, «| number» tallet uten enhet), og kryssreferanser [@fig:<id>] og
[@tab:<id>], som blir «Figur N»/«Tabell N». Rå HTML vises som tekst. Hver lagring tas vare på (hvem, når).
Se seksjonene med «styrerom narrative list --period ÅÅÅÅ-MM».`,
  async run(argv, ctx) {
    const { values, positionals } = parse(
      'narrative set',
      argv,
      { period: { type: 'string' }, file: { type: 'string' }, by: { type: 'string' } },
      true,
    );
    const period = requirePeriod('narrative set', values.period);
    const [sectionId, ...extra] = positionals;
    if (!sectionId || extra.length > 0) throw new AppError('USAGE', 'Oppgi nøyaktig én seksjon-id. Se «styrerom narrative set --help».');
    if (!values.file) throw new AppError('USAGE', '--file <tekst.md> mangler. Se «styrerom narrative set --help».');
    let markdown: string;
    try {
      markdown = (await readFile(values.file, 'utf8')).replace(/^\uFEFF/, '');
    } catch (err) {
      throw new AppError('FILE_UNREADABLE', `${values.file}: fila finnes ikke eller kan ikke leses (file unreadable)`, { cause: err });
    }
    await withReportDeps(ctx, ({ db }) => saveNarrative(db, { period, sectionId, markdown, author: actor(values.by) }));
    ctx.stdout(`Teksten til «${sectionId}» for ${formatMonth(period)} er lagret.\n`);
    return 0;
  },
};

export const narrativeListCommand: CliCommand = {
  name: 'narrative list',
  summary: 'Lister rapportens seksjoner med tekst: id og tittel, én per linje',
  usage: `Bruk: styrerom narrative list --period ÅÅÅÅ-MM [--json]

Én seksjon per linje: id, tabulator, tittel. Med --json også tekstens tilstand (egen, arvet fra en
tidligere periode, eller ingen).`,
  async run(argv, ctx) {
    const { values } = parse('narrative list', argv, { period: { type: 'string' }, json: { type: 'boolean' } });
    const period = requirePeriod('narrative list', values.period);
    const texts = await withReportDeps(ctx, ({ db }) => sectionTexts(db, period));
    if (values.json) {
      const doc = texts.map((t) => ({
        id: t.id,
        title: t.title,
        state: t.narrative === null ? 'none' : t.narrative.inherited ? 'inherited' : 'own',
        from: t.narrative?.period ?? null,
        author: t.narrative?.author ?? null,
        savedAt: t.narrative?.createdAt ?? null,
      }));
      ctx.stdout(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    for (const t of texts) ctx.stdout(`${t.id}\t${t.title}\n`);
    return 0;
  },
};

export const narrativeShowCommand: CliCommand = {
  name: 'narrative show',
  summary: 'Viser en seksjons tekst og historikken (hvem, når)',
  usage: 'Bruk: styrerom narrative show <seksjon-id> --period ÅÅÅÅ-MM',
  async run(argv, ctx) {
    const { values, positionals } = parse('narrative show', argv, { period: { type: 'string' } }, true);
    const period = requirePeriod('narrative show', values.period);
    const sectionId = positionals[0];
    if (!sectionId) throw new AppError('USAGE', 'Oppgi en seksjon-id.');
    const { text, history } = await withReportDeps(ctx, async ({ db }) => ({
      text: (await sectionTexts(db, period)).find((t) => t.id === sectionId),
      history: await narrativeHistory(db, period, sectionId),
    }));
    if (!text) throw new AppError('NOT_FOUND', `Ingen seksjon «${sectionId}» med tekst i rapportmalen`);
    for (const h of history) ctx.stderr(`${h.createdAt}  ${h.author}\n`);
    if (text.narrative?.inherited)
      ctx.stderr(`(Ingen tekst for ${formatMonth(period)} ennå; utkast fra ${formatMonth(text.narrative.period)}.)\n`);
    ctx.stdout(text.narrative ? `${text.narrative.markdown}\n` : '');
    return 0;
  },
};
