/** node:util parseArgs with its errors turned into USAGE errors that point to --help. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError } from '../shared/errors.ts';
import { parseArgsMessage } from '../shared/parse-args.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw usageError(command, parseArgsMessage(err));
  }
}

export function usageError(command: string, message: string): AppError {
  return new AppError('USAGE', `${message}. Se «styrerom ${command} --help».`);
}

/** Parses a port option: an integer 0–65535. */
export function parsePort(command: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw usageError(command, `Ugyldig port «${text}»`);
  return port;
}
