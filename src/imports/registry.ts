/** Importers are looked up by kind across every domain: the CLI, the API and the demo use this. */
import type { DomainModule } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import type { Importer } from './imports.ts';

export function allImporters(domains: readonly DomainModule[]): Importer[] {
  return domains.flatMap((d) => d.importers ?? []).sort((a, b) => a.kind.localeCompare(b.kind));
}

export function findImporter(domains: readonly DomainModule[], kind: string): Importer {
  const all = allImporters(domains);
  const found = all.find((i) => i.kind === kind);
  if (found) return found;
  const known = all.map((i) => i.kind).join(', ') || 'ingen';
  throw new AppError('NOT_FOUND', `Ukjent importtype «${kind}». Kjente typer: ${known}`, {
    details: { kind, known: all.map((i) => i.kind) },
  });
}
