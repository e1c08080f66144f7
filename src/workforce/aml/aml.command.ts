/** `styrerom workforce check <file.json> [--json]`: the what-if roster check. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { parseArgsMessage } from '../../shared/parse-args.ts';
import { checkRosters, formatRosterResults, parseRosterCases } from './aml.check.ts';

const NAME = 'workforce check';

function usageError(message: string): AppError {
  return new AppError('USAGE', `${message}. Se «styrerom ${NAME} --help».`);
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(parseArgsMessage(err));
  }
}

export const workforceCheckCommand: CliCommand = {
  name: NAME,
  summary: 'Sjekk en planlagt turnus mot arbeidsmiljøloven (AML-brudd) før den arbeides',
  usage: `Bruk: styrerom workforce check <fil.json> [--json]

Sjekker planlagte vakter mot arbeidsmiljølovens kapittel 10 med samme regler som rapporten.

Fila er en JSON-liste med tilfeller:
  [ { "name": "Turnus A", "dispensation": false,
      "records": [ { "start": "2025-05-05T15:00", "end": "2025-05-05T23:00", "kind": "ordinary", "cause": "on-call" } ] } ]
  start/end: lokal norsk tid uten tidssone; kind: ordinary | overtime | callout; cause er valgfri.
  "dispensation": true betyr dispensasjon for hvile og overtid for hele perioden.

Valg:
  --json   skriv resultatet som JSON: [ { name, breaches: [ { rule, month, date, key, cause } ] } ]
  -h, --help
`,
  async run(argv, ctx) {
    const { values, positionals } = parse(argv);
    if (positionals.length !== 1) throw usageError('Oppgi nøyaktig én JSON-fil');
    const file = positionals[0]!;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new AppError('FILE_UNREADABLE', `${file}: kan ikke leses (cannot be read)`, { cause: err });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new AppError('VALIDATION', `${file}: ugyldig JSON: ${(err as Error).message}`, { cause: err });
    }
    const results = checkRosters(parseRosterCases(json));
    ctx.stdout(values.json ? `${JSON.stringify(results, null, 2)}\n` : formatRosterResults(results));
    return 0;
  },
};
