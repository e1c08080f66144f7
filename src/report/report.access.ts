/**
 * Who acts on the report, and may they. The signed-in user is recorded (a name given in the form or
 * body, `by`, is kept only for requests without a user, such as the CLI). Moving the report through
 * its workflow needs `edit` to submit or revise and `approve` to approve, reject or publish.
 */
import type { FastifyRequest } from 'fastify';
import { holds } from '../shared/access.ts';
import { AppError } from '../shared/errors.ts';
import type { WorkflowAction } from './workflow.ts';

export function actorOf(request: FastifyRequest, channel: 'web' | 'api', claimed?: string): string {
  if (request.user) return request.user.email;
  const name = claimed?.trim();
  if (name) return name.slice(0, 200);
  return channel === 'web' ? 'nettleser' : 'api';
}

export function requireWorkflowRight(request: FastifyRequest, action: WorkflowAction): void {
  const needed = action === 'submit' || action === 'revise' ? 'edit' : 'approve';
  if (!holds(request.user, needed)) {
    throw new AppError(
      'FORBIDDEN',
      needed === 'approve'
        ? 'Bare en godkjenner kan godkjenne, avvise eller publisere rapporten'
        : 'Bare en redaktør kan sende rapporten til godkjenning',
    );
  }
}
