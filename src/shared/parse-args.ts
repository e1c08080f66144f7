/** node:util parseArgs errors, said in Norwegian for every command's USAGE error. */
export function parseArgsMessage(err: unknown): string {
  const { code, message = '' } = err as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? quoted;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Ukjent valg «${option}»`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Uventet argument «${quoted}»`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take an argument/.test(message) ? `Valget «${option}» tar ingen verdi` : `Valget «${option}» mangler verdi`;
  return message;
}
