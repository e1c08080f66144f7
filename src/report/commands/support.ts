/** What every report command shares: argument parsing, the period, the acting user, the domains. */
import { userInfo } from 'node:os';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliContext, DomainModule } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { parseArgsMessage } from '../../shared/parse-args.ts';
import { isYearMonth, type YearMonth, yearRangeProblem } from '../../shared/period.ts';
import type { ReportDeps } from '../build.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new AppError('USAGE', `${parseArgsMessage(err)}. Se «styrerom ${command} --help».`);
  }
}

export function requirePeriod(command: string, value: string | undefined): YearMonth {
  if (value === undefined) throw new AppError('USAGE', `--period ÅÅÅÅ-MM mangler. Se «styrerom ${command} --help».`);
  const range = yearRangeProblem(value);
  if (range) throw new AppError('VALIDATION', `Ugyldig periode ${range}`);
  if (!isYearMonth(value)) throw new AppError('VALIDATION', `Ugyldig periode «${value}», forventet ÅÅÅÅ-MM, f.eks. 2025-05`);
  return value;
}

/** `--by <name>`, else the operating-system user. */
export function actor(by: string | undefined): string {
  if (by?.trim()) return by.trim();
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

export function domainsOf(ctx: CliContext): readonly DomainModule[] {
  if (!ctx.domains) throw new AppError('INTERNAL', 'CLI-konteksten mangler domenelisten');
  return ctx.domains;
}

/** Opens the database and runs `body` with the report's dependencies. */
export async function withReportDeps<T>(ctx: CliContext, body: (deps: ReportDeps) => Promise<T>): Promise<T> {
  const open = await ctx.openDb();
  try {
    return await body({ config: ctx.config, db: open.db, domains: domainsOf(ctx) });
  } finally {
    await open.close();
  }
}
