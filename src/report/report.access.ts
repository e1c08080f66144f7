/**
 * Who acts on the report. AUTH NOT YET BUILT: until sign-in exists, a name given in the form or the
 * request body (`by`) is recorded as is, else the channel. When users exist, return the signed-in
 * user's name here (and check their role); no handler needs to change.
 */
import type { FastifyRequest } from 'fastify';

export function actorOf(_request: FastifyRequest, channel: 'web' | 'api', claimed?: string): string {
  const name = claimed?.trim();
  if (name) return name.slice(0, 200);
  return channel === 'web' ? 'nettleser' : 'api';
}
