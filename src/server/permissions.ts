/**
 * The permission vocabulary every route declares beside itself, as Fastify route config:
 *
 *   app.get('/risiko', { config: { permission: 'read' } }, handler)
 *
 * One hook (access control) enforces it centrally; a test walks the registered routes and fails when
 * one declares nothing.
 *
 * - `public`  no login: /health, the login page, static assets
 * - `read`    aggregates, KPIs, the report (role reader and every other role)
 * - `edit`    narratives, forecasts, risks, registers, imports (role editor)
 * - `hr`      employee-level workforce data: breach lists, time records, per-unit sick leave (role hr)
 * - `approve` review, approve and publish the report (role approver)
 * - `admin`   users, settings, audit trail (role admin)
 */
export const PERMISSIONS = ['public', 'read', 'edit', 'hr', 'approve', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller must hold to reach this route (see src/server/permissions.ts). */
    permission?: Permission;
  }
}
