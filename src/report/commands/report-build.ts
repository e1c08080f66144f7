import { evaluateRegistry, requireData } from '../../kpi/registry.ts';
import type { CliCommand } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { formatMonth, formatNumber, formatQuantity } from '../../shared/format.ts';
import { buildReport } from '../build.ts';
import { headerLineProblem } from '../template.ts';
import { parse, requirePeriod, withReportDeps } from './support.ts';

export const reportBuildCommand: CliCommand = {
  name: 'report build',
  summary: 'Bygger månedsrapporten (HTML, PDF, CSV/XLSX, datagrunnlag) for en periode',
  usage: `Bruk: styrerom report build --period ÅÅÅÅ-MM --out <mappe> [--template <fil.json>] [--no-pdf] [--compiled-at <ISO-tid>] [--header <tekst>]

Skriver til <mappe>:
  report.html          selvstendig HTML (CSS og SVG inne i fila)
  report.pdf           A4 med forside, innhold med sidetall, topptekst og «Side x av y»
  data/<id>.csv|.xlsx  tallene bak hver tabell og figur
  provenance.json      importer (fil, SHA-256, tidspunkt) og regler bak hver tabell og figur
  values.json          tekstene og alle verdiene rapporten viser
Bygget feiler (kode 8) hvis en kryssreferanse ([@fig:…], [@tab:…]) ikke finnes eller et
nøkkeltall ({{ kpi.… }}) ikke kan beregnes; feilmeldingen navngir seksjonen og referansen.
Blokker i malen som ingen modul leverer, utelates og listes som advarsler.
  --template <fil>     bruk denne malen i stedet for organisasjonens
  --no-pdf             hopp over PDF (rask forhåndsvisning)
  --compiled-at <tid>  data kjent til dette tidspunktet (standard: nå)
  --header <tekst>     linje nederst på hver side, f.eks. «Vedlegg 1 sak 20-2025» (standard: malens headerLine)`,
  async run(argv, ctx) {
    const { values } = parse('report build', argv, {
      period: { type: 'string' },
      out: { type: 'string' },
      template: { type: 'string' },
      'no-pdf': { type: 'boolean' },
      'compiled-at': { type: 'string' },
      header: { type: 'string' },
    });
    const period = requirePeriod('report build', values.period);
    if (!values.out) throw new AppError('USAGE', '--out <mappe> mangler. Se «styrerom report build --help».');
    const compiledAt = values['compiled-at'];
    if (compiledAt !== undefined && Number.isNaN(Date.parse(compiledAt))) {
      throw new AppError('VALIDATION', `Ugyldig --compiled-at «${compiledAt}», forventet ISO-tid som 2025-06-05T08:00:00Z`);
    }
    const header = values.header === undefined ? undefined : headerLineProblem(values.header);
    if (header) throw new AppError('VALIDATION', `Ugyldig --header: ${header}`);
    const started = Date.now();
    const result = await withReportDeps(ctx, async (deps) => {
      // A board report built from nothing is an error, not a four-page success.
      requireData(await evaluateRegistry(deps.domains, { db: deps.db, period }), period, 'det blir ingen rapport');
      return buildReport(deps, {
        period,
        outDir: values.out as string,
        templateFile: values.template,
        pdf: !values['no-pdf'],
        compiledAt: compiledAt === undefined ? undefined : new Date(compiledAt).toISOString(),
        ...(values.header === undefined ? {} : { headerLine: values.header }),
      });
    });
    for (const w of result.warnings) ctx.stderr(`Advarsel: ${w}\n`);
    const { figures, tables } = result.model;
    ctx.stdout(
      `${result.model.title}: ${formatQuantity(figures.length, 'figur', 'figurer')}, ${formatQuantity(tables.length, 'tabell', 'tabeller')}, ${formatQuantity(result.files.length, 'fil', 'filer')} i ${values.out}\n`,
    );
    for (const f of result.files) ctx.stdout(`  ${f.name}  ${f.size} byte  sha256 ${f.sha256}\n`);
    ctx.stdout(`Ferdig på ${formatNumber((Date.now() - started) / 1000, 1)}\u00a0s (${formatMonth(period)}).\n`);
    return 0;
  },
};
