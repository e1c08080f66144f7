/** `styrerom finance table` and `styrerom finance mapping`. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliCommand } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { formatMnokValue, formatMonth } from '../shared/format.ts';
import { parseArgsMessage } from '../shared/parse-args.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { RESULT_LABEL, TOTAL_COSTS_LABEL } from './finance.blocks.ts';
import { financeResult, resultTableJson } from './finance.section.ts';
import { deviation, type Figures, type ResultTable } from './finance.ts';
import { hasLedgerDataFor } from './ledger/ledger.queries.ts';
import { loadMappingRules } from './ledger/mapping.queries.ts';

function args<O extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (err) {
    throw new AppError('USAGE', `${parseArgsMessage(err)}. Se «styrerom ${command} --help».`);
  }
}

const m = (ore: number | null) => (ore === null ? '–' : formatMnokValue(ore));

/** The Norwegian MNOK table of `finance table` without --json. */
export function financeTableText(t: ResultTable): string {
  const row = (label: string, f: Figures) => [
    label,
    m(f.actualMonth),
    m(f.budgetMonth),
    m(deviation(f.actualMonth, f.budgetMonth)),
    m(f.actualYtd),
    m(f.budgetYtd),
    m(deviation(f.actualYtd, f.budgetYtd)),
    m(f.forecastYear),
    m(f.budgetYear),
  ];
  const header = [
    'Kategori (MNOK)',
    'Regnskap',
    'Budsjett',
    'Avvik',
    'Regnskap HiÅ',
    'Budsjett HiÅ',
    'Avvik HiÅ',
    'Prognose år',
    'Budsjett år',
  ];
  const rows = [...t.rows.map((r) => row(r.category, r)), row(TOTAL_COSTS_LABEL, t.totals), row(RESULT_LABEL, t.result)];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const body = rows.map((r, i) => (i === t.rows.length ? `${rule}\n${line(r)}` : line(r))).join('\n');
  const unmapped =
    t.unmapped.length > 0
      ? `\nKontoer uten rapportkategori (ikke med i tabellen): ${t.unmapped.map((u) => `${u.accountId} (${m(u.amountYtd)})`).join(', ')}\n`
      : '';
  return `Resultat mot budsjett, ${formatMonth(t.period)} og hittil i år (MNOK)\n${line(header)}\n${rule}\n${body}\n${unmapped}`;
}

export const financeTableCommand: CliCommand = {
  name: 'finance table',
  summary: 'Resultattabellen (regnskap, budsjett, prognose per kategori) for en måned',
  usage: `Bruk: styrerom finance table [--period ÅÅÅÅ-MM] [--known-at <tidspunkt>] [--json] [--database <url>]

Regnskap mot budsjett per rapportkategori for måneden og hittil i år, med årsprognose og årsbudsjett.
  --period ÅÅÅÅ-MM  måneden (ellers STYREROM_PERIOD, ellers forrige måned)
  --known-at T      regnskapstallene slik hovedboken var importert på tidspunktet T (ISO 8601, f.eks.
                    2025-05-05T21:59:00Z): senere importer og posteringer de erstattet, regnes bort
  --json            skriver { "period", "rows": [ { "category", "actualMonth", "budgetMonth", "actualYtd",
                    "budgetYtd", "forecastYear", "budgetYear" } ], "totals": {…}, "result": {…} } i kroner
                    (eksakt; inntekter og kostnader positive; totals = kostnader inkl. finansposter)
Uten --json: en norsk tabell i MNOK med én desimal.`,
  async run(argv, ctx) {
    const { values } = args('finance table', argv, {
      period: { type: 'string' },
      'known-at': { type: 'string' },
      json: { type: 'boolean' },
    });
    const period = resolvePeriod({ period: values.period }, ctx.config);
    const knownAt = values['known-at'];
    if (knownAt !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(knownAt)) {
      throw new AppError('USAGE', `Ugyldig tidspunkt «${knownAt}» for --known-at: bruk ISO 8601 med tidssone, f.eks. 2025-05-05T21:59:00Z`);
    }
    const { db } = await ctx.openDb();
    if (!(await hasLedgerDataFor(db, { month: period }))) {
      throw new AppError(
        'NO_DATA',
        `Ingen hovedbok for ${formatMonth(period)} i databasen, så det er ingen resultattabell å vise. Importer hovedboken først (styrerom import saf-t <fil.xml>) eller velg en annen periode med --period.`,
      );
    }
    const table = await financeResult(db, { period, ...(knownAt ? { knownAt } : {}) });
    ctx.stdout(values.json ? `${JSON.stringify(resultTableJson(table), null, 2)}\n` : financeTableText(table));
    return 0;
  },
};

export const financeMappingCommand: CliCommand = {
  name: 'finance mapping',
  summary: 'Viser kategoritilordningen (kontoer → rapportkategorier)',
  usage: `Bruk: styrerom finance mapping [--json] [--database <url>]

Viser reglene som knytter kontoer til rapportkategorier: eksplisitte kontoer prøves først, så
kontointervaller i rekkefølge; første treff gjelder. Endre dem i nettleseren (Økonomi → Kategoritilordning)
eller med «styrerom import finance-mapping <fil>» (kolonner category;from;to).`,
  async run(argv, ctx) {
    const { values } = args('finance mapping', argv, { json: { type: 'boolean' } });
    const { db } = await ctx.openDb();
    const { rules, isDefault } = await loadMappingRules(db);
    if (values.json) {
      ctx.stdout(`${JSON.stringify({ isDefault, rules }, null, 2)}\n`);
      return 0;
    }
    const lines = rules.map((r) => `${r.category.padEnd(30)}  ${r.account !== undefined ? `konto ${r.account}` : `${r.from}–${r.to}`}`);
    ctx.stdout(`Kategoritilordning${isDefault ? ' (standard)' : ''}\n${lines.join('\n')}\n`);
    return 0;
  },
};
