import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  /** argon2id PHC string; null for users who only sign in through SSO. */
  password_hash: string | null;
  oidc_subject: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface UserRolesTable {
  user_id: number;
  role: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
  token_sha256: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie value, so a database dump holds no usable session. */
  id_sha256: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string | null;
  address: string | null;
  action: string;
  target: string | null;
  /** JSON text: before/after for edits, reasons for failures. */
  detail: string | null;
}

export interface AuthTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}
