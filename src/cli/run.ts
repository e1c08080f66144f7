/**
 * The CLI: global options, command dispatch (longest word prefix, so domain commands like
 * `finance table` work), help, and the mapping of errors to a one-line message and an exit code.
 */
import { type Config, loadConfig } from '../config.ts';
import type { CliCommand, DomainModule } from '../module.ts';
import { AppError, formatProblem, isAppError } from '../shared/errors.ts';
import { useYearRange } from '../shared/period.ts';
import { storageAppError } from '../storage/db-errors.ts';
import { auditListCommand, auditPruneCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { importCommand } from './commands/import.ts';
import { kpiCommand } from './commands/kpi.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from './commands/token.ts';
import { userAddCommand, userDisableCommand, userListCommand, userSetRoleCommand } from './commands/user.ts';
import { type BuiltinCommand, createContext } from './context.ts';
import { extractGlobalOptions, findCommand } from './dispatch.ts';
import { exitCodeOf } from './exit-codes.ts';
import { groupHelp, topLevelHelp } from './help.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
}

type AnyCommand = BuiltinCommand | CliCommand;

export function builtinCommands(domains: readonly DomainModule[]): BuiltinCommand[] {
  return [
    migrateCommand,
    importCommand(domains),
    kpiCommand,
    serveCommand,
    demoCommand,
    userAddCommand,
    userListCommand,
    userDisableCommand,
    userSetRoleCommand,
    tokenCreateCommand,
    tokenRevokeCommand,
    tokenListCommand,
    auditListCommand,
    auditPruneCommand,
  ];
}

function printError(io: CliIo, err: unknown, debug: boolean): number {
  const appError =
    storageAppError(err) ??
    (isAppError(err) ? err : new AppError('INTERNAL', `Uventet feil: ${(err as Error)?.message ?? String(err)} (Unexpected error)`));
  io.stderr(`Feil: ${appError.message}\n`);
  for (const p of appError.problems) io.stderr(`  ${formatProblem(p)}\n`);
  if (debug) io.stderr(`${(err as Error)?.stack ?? String(err)}\n`);
  else if (appError.code === 'INTERNAL') io.stderr('Kjør med STYREROM_DEBUG=1 for detaljer.\n');
  return exitCodeOf(appError);
}

export async function runCli(argv: readonly string[], io: CliIo, domains: readonly DomainModule[]): Promise<number> {
  let config: Config | undefined;
  try {
    const global = extractGlobalOptions(argv);
    config = loadConfig(io.env, { databaseUrl: global.database });
    useYearRange(config.yearRange);
    const builtins = builtinCommands(domains);
    const domainCommands = domains.flatMap((d) => d.commands ?? []);
    const commands: AnyCommand[] = [...builtins, ...domainCommands];
    const words = global.rest[0] === 'help' ? global.rest.slice(1) : global.rest;
    const help = global.help || global.rest[0] === 'help';
    const found = findCommand(commands, words);
    if (!found) {
      if (words.length === 0) {
        (help ? io.stdout : io.stderr)(topLevelHelp(builtins, domainCommands));
        return help ? 0 : 2;
      }
      const group = groupHelp(words, [...builtins, ...domainCommands]);
      if (group && (help || words.length === 1)) {
        (help ? io.stdout : io.stderr)(group);
        return help ? 0 : 2;
      }
      throw new AppError('USAGE', `Ukjent kommando «${words.join(' ')}». Se «styrerom --help». (Unknown command)`);
    }
    if (help) {
      io.stdout(`${found.command.usage}\n`);
      return 0;
    }
    const ctx = createContext({ config, domains, databaseFlag: global.database, stdout: io.stdout, stderr: io.stderr });
    try {
      return await (found.command as BuiltinCommand).run(found.rest, ctx);
    } finally {
      await ctx.closeAll();
    }
  } catch (err) {
    return printError(io, err, config?.debug ?? io.env.STYREROM_DEBUG === '1');
  }
}
