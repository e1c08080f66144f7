/** `styrerom risk export` and `styrerom risk roll-forward`: the register from the command line. */
import { writeFile } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { parseArgsMessage } from '../shared/parse-args.ts';
import { isYearMonth } from '../shared/period.ts';
import { exportRegisterCsv, exportRegisterXlsx } from './risk.export.ts';
import { rollRegisterForward } from './risk.queries.ts';

function args(command: string, argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (err) {
    throw new AppError('USAGE', `${parseArgsMessage(err)}. Se «styrerom ${command} --help».`);
  }
}

function periodArg(command: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new AppError('USAGE', `--period ÅÅÅÅ-MM mangler. Se «styrerom ${command} --help».`);
    return undefined;
  }
  if (!isYearMonth(value)) throw new AppError('USAGE', `Ugyldig periode «${value}», forventet ÅÅÅÅ-MM`);
  return value;
}

async function withDb<T>(ctx: CliContext, fn: (db: Awaited<ReturnType<CliContext['openDb']>>['db']) => Promise<T>): Promise<T> {
  const open = await ctx.openDb();
  try {
    return await fn(open.db);
  } finally {
    await open.close();
  }
}

export const riskExportCommand: CliCommand = {
  name: 'risk export',
  summary: 'Eksporterer hele risikoregisteret med historikk til CSV eller XLSX',
  usage: `Bruk: styrerom risk export --format csv|xlsx --out <fil> [--period ÅÅÅÅ-MM] [--database <url>]

Skriver hele risikoregisteret med alle vurderinger som noen gang er registrert (også erstattede og
utkast), én rad per vurdering og alle kolonner. Fila kan leses inn igjen med
«styrerom import risk-register <fil>».
XLSX har i tillegg ark for status i perioden (--period), endringslogg og risikomatrise.
  --format csv|xlsx   filformat
  --out <fil>         fila som skrives
  --period ÅÅÅÅ-MM    perioden for statusarket i XLSX (valgfritt)`,
  async run(argv, ctx) {
    const v = args('risk export', argv, { format: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' } });
    if (v.format !== 'csv' && v.format !== 'xlsx') {
      throw new AppError('USAGE', '--format må være csv eller xlsx. Se «styrerom risk export --help».');
    }
    if (!v.out) throw new AppError('USAGE', '--out <fil> mangler. Se «styrerom risk export --help».');
    const period = periodArg('risk export', v.period, false);
    const out = v.out;
    await withDb(ctx, async (db) => {
      const body = v.format === 'csv' ? await exportRegisterCsv(db) : await exportRegisterXlsx(db, period ? { period } : {});
      await writeFile(out, body);
    });
    ctx.stdout(`Risikoregisteret er skrevet til ${out}\n`);
    return 0;
  },
};

export const riskRollForwardCommand: CliCommand = {
  name: 'risk roll-forward',
  summary: 'Kopierer siste vurdering av hver åpen risiko til en ny periode som utkast',
  usage: `Bruk: styrerom risk roll-forward --period ÅÅÅÅ-MM [--database <url>]

Lager et utkast for perioden for hver åpen risiko som ikke allerede er vurdert der, kopiert fra
siste vurdering. Ingenting som finnes fra før endres; å kjøre kommandoen to ganger lager ingenting nytt.`,
  async run(argv, ctx) {
    const v = args('risk roll-forward', argv, { period: { type: 'string' } });
    const period = periodArg('risk roll-forward', v.period, true) as string;
    const created = await withDb(ctx, (db) => rollRegisterForward(db, period, { at: new Date().toISOString(), by: 'cli' }));
    ctx.stdout(`${created.length} utkast laget for ${period}\n`);
    return 0;
  },
};

export const riskCommands: CliCommand[] = [riskExportCommand, riskRollForwardCommand];
