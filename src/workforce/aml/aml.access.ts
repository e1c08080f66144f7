/** Who may see working-time breaches employee by employee: the `hr` role only. */
import type { FastifyRequest } from 'fastify';
import { holds } from '../../shared/access.ts';

export function maySeeEmployees(request: FastifyRequest): boolean {
  return holds(request.user, 'hr');
}
