/** The Norwegian login page (/logg-inn): a labelled form, an error summary that names the field. */
import { STYLESHEET } from './assets.ts';
import { html } from './html.ts';

export interface LoginPageOptions {
  organisationName: string;
  /** Where to go after signing in (a local path). */
  next: string;
  email?: string;
  error?: string;
  /** Show the single sign-on button. */
  sso?: boolean;
}

export function loginPage(opts: LoginPageOptions): string {
  const summary = opts.error
    ? html`<div class="notice notice--error" role="alert" tabindex="-1" id="feiloppsummering">
  <h2>Innloggingen mislyktes</h2>
  <ul><li><a href="#epost">${opts.error}</a></li></ul>
</div>`
    : '';
  const sso = opts.sso
    ? html`<p><a class="button" href="/logg-inn/sso?neste=${encodeURIComponent(opts.next)}">Logg inn med SSO</a></p>`
    : '';
  const invalid = opts.error ? html` aria-invalid="true" aria-describedby="feiloppsummering"` : '';
  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.error ? 'Feil: ' : ''}Logg inn – ${opts.organisationName}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET.url}">
</head>
<body>
<header class="site-header"><p class="brand"><span class="product">Styrerom</span>${opts.organisationName}</p></header>
<main id="main" class="login">
<h1>Logg inn</h1>
${summary}
<form method="post" action="/logg-inn" class="login-form">
  <input type="hidden" name="neste" value="${opts.next}">
  <p><label for="epost">E-postadresse</label><br>
  <input id="epost" name="email" type="email" autocomplete="username" required value="${opts.email ?? ''}"${invalid}></p>
  <p><label for="passord">Passord</label><br>
  <input id="passord" name="password" type="password" autocomplete="current-password" required${invalid}></p>
  <p><button type="submit">Logg inn</button></p>
</form>
${sso}
</main>
</body>
</html>
`.value;
}

/** Only a local path may follow the login (no open redirect to another site). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
