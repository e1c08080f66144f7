/**
 * Help and unknown commands: answered from the commands' names, summaries and usage alone, so the
 * compiled CLI can answer them from the list the build wrote (dist/cli/commands.json) without
 * loading any domain (cli/main.ts).
 */
import { AppError } from '../shared/errors.ts';
import { findCommand, type Named } from './dispatch.ts';

export interface Listed extends Named {
  summary: string;
}

export interface ListedCommand extends Listed {
  usage: string;
}

export interface HelpAnswer {
  stream: 'stdout' | 'stderr';
  text: string;
  code: number;
}

/**
 * The answer when `words` (argv without global options) asks for help or names no command;
 * undefined when a command is to run. An unknown command throws a USAGE error.
 */
export function helpAnswer(
  words: readonly string[],
  help: boolean,
  builtins: readonly ListedCommand[],
  domainCommands: readonly ListedCommand[],
): HelpAnswer | undefined {
  const asked = words[0] === 'help';
  const rest = asked ? words.slice(1) : words;
  const wantsHelp = help || asked;
  const answer = (text: string): HelpAnswer => (wantsHelp ? { stream: 'stdout', text, code: 0 } : { stream: 'stderr', text, code: 2 });
  const found = findCommand([...builtins, ...domainCommands], rest);
  if (!found) {
    if (rest.length === 0) return answer(topLevelHelp(builtins, domainCommands));
    const group = groupHelp(rest, [...builtins, ...domainCommands]);
    if (group && (wantsHelp || rest.length === 1)) return answer(group);
    throw new AppError('USAGE', `Ukjent kommando «${rest.join(' ')}». Se «styrerom --help».`);
  }
  return wantsHelp ? { stream: 'stdout', text: `${found.command.usage}\n`, code: 0 } : undefined;
}

export function topLevelHelp(builtins: readonly Listed[], domainCommands: readonly Listed[]): string {
  const width = Math.max(...[...builtins, ...domainCommands].map((c) => c.name.length)) + 2;
  const list = (cs: readonly Listed[]) => cs.map((c) => `  ${c.name.padEnd(width)}${c.summary}\n`).join('');
  return `Styrerom – virksomhetsrapport og dashbord fra virksomhetens rådata

Bruk: styrerom <kommando> [valg]      styrerom <kommando> --help for hjelp til én kommando

Kommandoer:
${list(builtins)}${domainCommands.length ? `\nDomenekommandoer:\n${list(domainCommands)}` : ''}
Valg for alle kommandoer:
  --database <url>   sqlite:<fil>, sqlite::memory: eller postgres://… (ellers DATABASE_URL,
                     ellers sqlite:<STYREROM_DATA_DIR>/styrerom.db)
  -h, --help         vis hjelp

Miljøvariabler: DATABASE_URL, PORT, HOST, LOG_LEVEL, STYREROM_ORG_NAME, STYREROM_DATA_DIR,
STYREROM_PERIOD, STYREROM_DEBUG=1 (vis stakkspor ved feil), CHROMIUM_PATH.
`;
}

/** `styrerom risk --help`: the commands of one domain (every command whose first word is `words`). */
export function groupHelp(words: readonly string[], commands: readonly Listed[]): string | undefined {
  const prefix = `${words.join(' ')} `;
  const group = commands.filter((c) => c.name.startsWith(prefix));
  if (group.length === 0) return undefined;
  const width = Math.max(...group.map((c) => c.name.length)) + 2;
  const list = group.map((c) => `  ${c.name.padEnd(width)}${c.summary}\n`).join('');
  return `Bruk: styrerom ${words.join(' ')} <kommando> [valg] [--database <url>]      styrerom <kommando> --help for hjelp til én kommando

Kommandoer:
${list}`;
}
