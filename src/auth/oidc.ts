/**
 * Single sign-on with OpenID Connect (authorisation code + PKCE) through openid-client: the
 * provider's configuration (discovered once, lazily), the pending login kept in a short-lived,
 * HMAC-signed HttpOnly cookie (state, nonce, PKCE verifier, where to go next: so several app
 * instances need no shared memory), and the mapping from the role claim to Styrerom's roles.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';
import type { Role } from '../shared/access.ts';
import { AppError } from '../shared/errors.ts';

export const OIDC_COOKIE = 'styrerom_sso';
/** How long the provider's login may take before the pending login expires. */
export const OIDC_PENDING_SECONDS = 600;

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  /** Epoch milliseconds. */
  expires: number;
}

/** Plain HTTP to the provider only on the loopback interface (a local provider); elsewhere HTTPS. */
function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The provider's configuration, discovered on first use; a failed discovery is retried next time. */
export function oidcClient(settings: OidcConfig): () => Promise<client.Configuration> {
  let pending: Promise<client.Configuration> | undefined;
  return () => {
    pending ??= (async () => {
      const issuer = new URL(settings.issuer);
      const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [];
      return client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, { execute });
    })().catch((err: unknown) => {
      pending = undefined;
      throw new AppError('UNAUTHENTICATED', 'Fikk ikke kontakt med innloggingstjenesten (SSO). Prøv igjen litt senere.', { cause: err });
    });
    return pending;
  };
}

/** The provider's authorisation URL and the pending login to keep until the callback. */
export async function startLogin(
  config: client.Configuration,
  settings: OidcConfig,
  next: string,
): Promise<{ url: URL; pending: PendingLogin }> {
  const pending: PendingLogin = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    next,
    expires: Date.now() + OIDC_PENDING_SECONDS * 1000,
  };
  const url = client.buildAuthorizationUrl(config, {
    // Normalised as openid-client normalises it at the code exchange (the two must match).
    redirect_uri: new URL(settings.redirectUrl).href,
    scope: settings.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  });
  return { url, pending };
}

export interface SsoIdentity {
  subject: string;
  email: string;
  name: string | undefined;
  roles: Role[];
}

/** Exchanges the code (checking state, nonce, PKCE and the ID token) and reads who signed in. */
export async function finishLogin(
  config: client.Configuration,
  settings: OidcConfig,
  query: string,
  pending: PendingLogin,
): Promise<SsoIdentity> {
  const current = new URL(settings.redirectUrl);
  current.search = query;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new AppError('UNAUTHENTICATED', 'Innloggingstjenesten sendte ikke noe ID-token');
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  if (!email || claims.email_verified === false) {
    throw new AppError('UNAUTHENTICATED', 'Innloggingstjenesten oppga ingen bekreftet e-postadresse for kontoen din');
  }
  return {
    subject: claims.sub,
    email,
    name: typeof claims.name === 'string' ? claims.name : undefined,
    roles: mapRoles(claims[settings.roleClaim], settings.roleMap),
  };
}

/** Claim values (an array, or one string with values separated by spaces or commas) → roles. */
export function mapRoles(claim: unknown, map: OidcConfig['roleMap']): Role[] {
  const values = Array.isArray(claim) ? claim.filter((v) => typeof v === 'string') : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = new Set<Role>();
  for (const [value, role] of map) if (values.includes(value)) roles.add(role);
  return [...roles];
}

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', `styrerom-sso-cookie:${secret}`).update(payload).digest();
}

/** `payload.signature`, both base64url; the key derives from the client secret. */
export function sealPending(secret: string, pending: PendingLogin): string {
  const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The pending login from the cookie, or undefined when missing, forged or expired. */
export function openPending(secret: string, value: string | undefined, now: number): PendingLogin | undefined {
  const [payload, sig] = (value ?? '').split('.');
  if (!payload || !sig) return undefined;
  const expected = signature(secret, payload);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const pending = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PendingLogin;
    return pending.expires > now ? pending : undefined;
  } catch {
    return undefined;
  }
}
