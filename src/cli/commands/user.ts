/** `styrerom user add|list|disable|set-role`: the user register, from the command line (admins). */
import { readFile } from 'node:fs/promises';
import { recordAudit } from '../../auth/audit.queries.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../auth/password.ts';
import { createUser, disableUser, listUsers, parseRoles, requireUser, setRoles } from '../../auth/users.queries.ts';
import { AppError } from '../../shared/errors.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';

/** The CLI acts as the operating-system user running it; the audit trail says so. */
const CLI_ACTOR = 'kommandolinje';

async function passwordFrom(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `Kan ikke lese passordfilen ${file}`, { cause: err });
  }
  const password = text.replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError('VALIDATION', `Passordet i ${file} er kortere enn ${MIN_PASSWORD_LENGTH} tegn`);
  return password;
}

export function oneEmail(command: string, positionals: string[]): string {
  const [email, ...extra] = positionals;
  if (!email || extra.length > 0) throw usageError(command, 'Oppgi nøyaktig én e-postadresse');
  return email;
}

export const userAddCommand: BuiltinCommand = {
  name: 'user add',
  summary: 'Oppretter en bruker med roller',
  usage: `Bruk: styrerom user add <e-post> --role <rolle>[,<rolle>] [--name <navn>] [--password-file <fil>]

Roller: reader (leser), editor (redaktør), hr, approver (godkjenner), admin.
  --password-file  fil med passordet (minst ${MIN_PASSWORD_LENGTH} tegn); uten den kan brukeren bare logge inn med SSO`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(
      'user add',
      argv,
      { role: { type: 'string' }, name: { type: 'string' }, 'password-file': { type: 'string' } },
      true,
    );
    const email = oneEmail('user add', positionals);
    if (!values.role) throw usageError('user add', 'Oppgi --role');
    const roles = parseRoles(values.role);
    const password = await passwordFrom(values['password-file']);
    const { db } = await ctx.openDb();
    const now = new Date();
    await createUser(db, {
      email,
      roles,
      now,
      ...(values.name ? { name: values.name } : {}),
      passwordHash: password ? await hashPassword(password) : null,
    });
    await recordAudit(db, { action: 'user.add', actor: CLI_ACTOR, target: email.toLowerCase(), detail: { after: { roles } } }, now);
    ctx.stdout(`Opprettet ${email.toLowerCase()} med rollene ${roles.join(', ')}.\n`);
    return 0;
  },
};

export const userListCommand: BuiltinCommand = {
  name: 'user list',
  summary: 'Lister brukerne med roller',
  usage: 'Bruk: styrerom user list [--json]',
  async run(argv, ctx) {
    const { values } = parseCommandArgs('user list', argv, { json: { type: 'boolean' } });
    const { db } = await ctx.openDb();
    const users = await listUsers(db);
    if (values.json) ctx.stdout(`${JSON.stringify(users, null, 2)}\n`);
    else if (users.length === 0) ctx.stdout('Ingen brukere ennå. Opprett en med «styrerom user add».\n');
    else for (const u of users) ctx.stdout(`${u.email}\t${u.roles.join(',') || '–'}\t${u.disabled ? 'deaktivert' : 'aktiv'}\n`);
    return 0;
  },
};

export const userDisableCommand: BuiltinCommand = {
  name: 'user disable',
  summary: 'Deaktiverer en bruker (avslutter øktene og trekker tilbake API-nøklene)',
  usage: 'Bruk: styrerom user disable <e-post>',
  async run(argv, ctx) {
    const { positionals } = parseCommandArgs('user disable', argv, {}, true);
    const { db } = await ctx.openDb();
    const user = await requireUser(db, oneEmail('user disable', positionals));
    const now = new Date();
    await disableUser(db, user.id, now);
    await recordAudit(db, { action: 'user.disable', actor: CLI_ACTOR, target: user.email }, now);
    ctx.stdout(`Deaktiverte ${user.email}.\n`);
    return 0;
  },
};

export const userSetRoleCommand: BuiltinCommand = {
  name: 'user set-role',
  summary: 'Setter rollene til en bruker',
  usage: 'Bruk: styrerom user set-role <e-post> --role <rolle>[,<rolle>]',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('user set-role', argv, { role: { type: 'string' } }, true);
    if (!values.role) throw usageError('user set-role', 'Oppgi --role');
    const roles = parseRoles(values.role);
    const { db } = await ctx.openDb();
    const user = await requireUser(db, oneEmail('user set-role', positionals));
    const before = await setRoles(db, user.id, roles);
    await recordAudit(
      db,
      { action: 'user.roles', actor: CLI_ACTOR, target: user.email, detail: { before: { roles: before }, after: { roles } } },
      new Date(),
    );
    ctx.stdout(`${user.email} har nå rollene ${roles.join(', ')}.\n`);
    return 0;
  },
};
