/**
 * The CLI: global options, command dispatch (longest word prefix, so domain commands like
 * `finance table` work), help, and the mapping of errors to a one-line message and an exit code.
 */
import { type Config, loadConfig } from '../config.ts';
import { DEMO_PERIOD } from '../demo/demo.ts';
import type { CliCommand, DomainModule } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { useYearRange } from '../shared/year-range.ts';
import type { CliIo } from './cli-io.ts';
import { auditListCommand, auditPruneCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { importCommand } from './commands/import.ts';
import { kpiCommand } from './commands/kpi.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from './commands/token.ts';
import { userAddCommand, userDisableCommand, userListCommand, userSetRoleCommand } from './commands/user.ts';
import { type BuiltinCommand, createContext } from './context.ts';
import { chooseDatabase } from './database-choice.ts';
import { extractGlobalOptions, findCommand } from './dispatch.ts';
import { helpAnswer } from './help.ts';
import { printError } from './print-error.ts';

export type { CliIo } from './cli-io.ts';

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

export async function runCli(argv: readonly string[], io: CliIo, domains: readonly DomainModule[]): Promise<number> {
  let config: Config | undefined;
  try {
    const global = extractGlobalOptions(argv);
    const database = chooseDatabase(io.env, global.database);
    const demoMonth = database.demo && !io.env.STYREROM_PERIOD ? DEMO_PERIOD : undefined;
    config = loadConfig(io.env, { databaseUrl: database.url, defaultPeriod: demoMonth });
    useYearRange(config.yearRange);
    const builtins = builtinCommands(domains);
    const domainCommands = domains.flatMap((d) => d.commands ?? []);
    const answer = helpAnswer(global.rest, global.help, builtins, domainCommands);
    if (answer) {
      io[answer.stream](answer.text);
      return answer.code;
    }
    const found = findCommand<AnyCommand>([...builtins, ...domainCommands], global.rest);
    if (!found) throw new AppError('INTERNAL', 'Kommandoen forsvant mellom hjelp og kjøring');
    const ctx = createContext({
      config,
      domains,
      databaseFlag: global.database,
      databaseWhy: database.why,
      stdout: io.stdout,
      stderr: io.stderr,
    });
    try {
      return await (found.command as BuiltinCommand).run(found.rest, ctx);
    } finally {
      await ctx.closeAll();
    }
  } catch (err) {
    return printError(io.stderr, err, config?.debug ?? io.env.STYREROM_DEBUG === '1');
  }
}
