/**
 * The role check every editing handler of the register calls (API and web alike).
 *
 * AUTH NOT YET BUILT: until authentication arrives, everyone may edit and this lets every request
 * through. When users and roles exist, make `requireRole` throw
 * `new AppError('FORBIDDEN', …)` (or 'UNAUTHENTICATED') for requests without the role, and make
 * `actorOf` return the signed-in user's name; no handler needs to change.
 */
import type { FastifyRequest } from 'fastify';

export type RiskRole = 'risk-editor' | 'risk-admin';

export function requireRole(_request: FastifyRequest, _role: RiskRole): void {
  // Open by design until authentication arrives (see the comment above).
}

/** Who is recorded as having made a change. */
export function actorOf(_request: FastifyRequest, channel: 'web' | 'api'): string {
  return channel === 'web' ? 'nettleser' : 'api';
}
