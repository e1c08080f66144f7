/**
 * Who may see sick leave per organisational unit (the board report never does; it shows the whole
 * organisation only, and nothing anywhere shows a person).
 *
 * AUTH NOT YET BUILT: until authentication arrives every request may see the unit breakdown. When
 * users and roles exist, return true only for managers/HR; the page and the API already ask here.
 */
import type { FastifyRequest } from 'fastify';

export function maySeeUnits(_request: FastifyRequest): boolean {
  return true;
}
