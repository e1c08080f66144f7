/**
 * Roles and what they grant: the one table every access decision reads (the server's central hook
 * and the domains' `*.access.ts` checks). The route vocabulary (`public|read|edit|hr|approve|admin`)
 * lives in server/permissions.ts; this file maps roles onto it.
 *
 * `admin` does NOT imply the others: administering users and reading the audit trail is a separate
 * duty from seeing employee-level data or approving the report (separation of duties, least
 * privilege). Give an administrator several roles when one person holds several duties.
 */
export const ROLES = ['reader', 'editor', 'hr', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every permission a route may require except `public` (which needs no user). */
export type Grant = 'read' | 'edit' | 'hr' | 'approve' | 'admin';

export const ROLE_GRANTS: Readonly<Record<Role, readonly Grant[]>> = {
  reader: ['read'],
  editor: ['read', 'edit'],
  hr: ['read', 'hr'],
  approver: ['read', 'approve'],
  admin: ['read', 'admin'],
};

/** Norwegian names of the roles, for pages and the CLI. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  reader: 'leser',
  editor: 'redaktør',
  hr: 'HR',
  approver: 'godkjenner',
  admin: 'administrator',
};

export interface AuthUser {
  id: number;
  email: string;
  name: string;
  roles: readonly Role[];
  /** How this request was authenticated. */
  via: 'session' | 'token';
}

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

export function holds(user: Pick<AuthUser, 'roles'> | null | undefined, grant: Grant): boolean {
  return !!user && user.roles.some((r) => ROLE_GRANTS[r].includes(grant));
}

/** Who is recorded as having made a change: the user's email, else the channel. */
export function actorName(user: AuthUser | null | undefined, fallback: string): string {
  return user ? user.email : fallback;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (session cookie or API token), set by server/access.ts; null when anonymous. */
    user: AuthUser | null;
  }
}
