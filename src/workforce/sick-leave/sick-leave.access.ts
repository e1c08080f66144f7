/**
 * Who may see sick leave per organisational unit: the `hr` role only (the board report never does;
 * it shows the whole organisation, and nothing anywhere shows a person).
 */
import type { FastifyRequest } from 'fastify';
import { holds } from '../../shared/access.ts';

export function maySeeUnits(request: FastifyRequest): boolean {
  return holds(request.user, 'hr');
}
