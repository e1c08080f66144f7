/**
 * The role check every editing handler of the register calls (API and web alike), on top of the
 * route's declared permission: editing the register needs `edit`, changing the risk matrix `admin`.
 */
import type { FastifyRequest } from 'fastify';
import { actorName, holds } from '../shared/access.ts';
import { AppError } from '../shared/errors.ts';

export type RiskRole = 'risk-editor' | 'risk-admin';

export function requireRole(request: FastifyRequest, role: RiskRole): void {
  if (!request.user) throw new AppError('UNAUTHENTICATED', 'Du må logge inn for å endre risikoregisteret');
  if (!holds(request.user, role === 'risk-admin' ? 'admin' : 'edit')) {
    throw new AppError('FORBIDDEN', 'Rollen din gir ikke lov til å endre risikoregisteret');
  }
}

/** Who is recorded as having made a change: the signed-in user's email. */
export function actorOf(request: FastifyRequest, channel: 'web' | 'api'): string {
  return actorName(request.user, channel === 'web' ? 'nettleser' : 'api');
}
