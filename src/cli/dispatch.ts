import { AppError } from '../shared/errors.ts';

/** Command lookup by the longest matching prefix of words: `finance table …` before `finance …`. */

export interface Named {
  name: string;
}

export function findCommand<C extends Named>(commands: readonly C[], argv: readonly string[]): { command: C; rest: string[] } | undefined {
  let best: { command: C; words: number } | undefined;
  for (const command of commands) {
    const words = command.name.split(/\s+/);
    const matches = words.every((w, i) => argv[i] === w);
    if (matches && (!best || words.length > best.words)) best = { command, words: words.length };
  }
  return best && { command: best.command, rest: argv.slice(best.words) };
}

export interface GlobalOptions {
  database: string | undefined;
  help: boolean;
  /** argv without the global options (everything after `--` is kept as is). */
  rest: string[];
}

/** Takes `--database <url>` / `--database=<url>` and `-h`/`--help` out of argv, wherever they are. */
export function extractGlobalOptions(argv: readonly string[]): GlobalOptions {
  const rest: string[] = [];
  let database: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('--database=')) database = arg.slice('--database='.length);
    else if (arg === '--database') {
      database = argv[i + 1];
      if (database === undefined || database.startsWith('-')) {
        throw new AppError('USAGE', '--database trenger en verdi: sqlite:<fil>, sqlite::memory: eller postgres://…');
      }
      i++;
    } else rest.push(arg);
  }
  return { database, help, rest };
}
