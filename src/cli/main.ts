/**
 * Composition root of the CLI (bin/styrerom.mjs imports this). Help and unknown commands are
 * answered from the command list the build wrote next to the compiled code (dist/cli/commands.json,
 * scripts/build.mjs) without loading any domain, so `styrerom --help` starts in a blink; every other
 * command loads the domains, and each command loads its heavy libraries itself when it runs.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import type { CliIo } from './cli-io.ts';
import { extractGlobalOptions } from './dispatch.ts';
import { helpAnswer, type ListedCommand } from './help.ts';
import { printError } from './print-error.ts';

export interface CommandList {
  builtins: ListedCommand[];
  domainCommands: ListedCommand[];
}

// `styrerom narrative list | head -1`: the reader went away; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** The list the build wrote; undefined when running the sources (tsx), where it does not exist. */
function commandList(): CommandList | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  try {
    return JSON.parse(readFileSync(new URL('./commands.json', import.meta.url), 'utf8')) as CommandList;
  } catch {
    return undefined;
  }
}

/** The exit code when help (or an unknown command) is answered from the list; undefined = run the command. */
function answerFromList(argv: readonly string[], io: CliIo, list: CommandList): number | undefined {
  try {
    const global = extractGlobalOptions(argv);
    loadConfig(io.env, { databaseUrl: global.database });
    const answer = helpAnswer(global.rest, global.help, list.builtins, list.domainCommands);
    if (!answer) return undefined;
    io[answer.stream](answer.text);
    return answer.code;
  } catch (err) {
    return printError(io.stderr, err, io.env.STYREROM_DEBUG === '1'); // an unknown command, a bad global option
  }
}

const argv = process.argv.slice(2);
const io: CliIo = { env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
const list = commandList();
const quick = list && answerFromList(argv, io, list);
if (quick !== undefined) process.exitCode = quick;
else {
  const [{ domains }, { runCli }] = await Promise.all([import('../domains.ts'), import('./run.ts')]);
  process.exitCode = await runCli(argv, io, domains).catch((err: unknown) => printError(io.stderr, err, io.env.STYREROM_DEBUG === '1'));
}
