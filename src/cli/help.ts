/** The top-level help: every built-in and domain command with its summary. */
import type { Named } from './dispatch.ts';

interface Listed extends Named {
  summary: string;
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
