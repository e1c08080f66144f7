/** `styrerom token create|revoke|list`: API tokens for integrations (`Authorization: Bearer …`). */
import { recordAudit } from '../../auth/audit.queries.ts';
import { createToken, listTokens, revokeToken } from '../../auth/tokens.queries.ts';
import { requireUser } from '../../auth/users.queries.ts';
import { AppError } from '../../shared/errors.ts';
import { parseCommandArgs, usageError } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';
import { oneEmail } from './user.ts';

export const tokenCreateCommand: BuiltinCommand = {
  name: 'token create',
  summary: 'Lager en API-nøkkel for en bruker (vises én gang, på siste linje)',
  usage: `Bruk: styrerom token create <e-post> --name <merkelapp>

Nøkkelen gir brukerens roller. Bare en SHA-256 av den lagres; den kan ikke vises igjen.`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('token create', argv, { name: { type: 'string' } }, true);
    if (!values.name) throw usageError('token create', 'Oppgi --name');
    const { db } = await ctx.openDb();
    const user = await requireUser(db, oneEmail('token create', positionals));
    if (user.disabled_at) throw new AppError('CONFLICT', `${user.email} er deaktivert`);
    const now = new Date();
    const { token } = await createToken(db, { userId: user.id, name: values.name, now });
    await recordAudit(db, { action: 'token.create', actor: 'kommandolinje', target: user.email, detail: { name: values.name } }, now);
    ctx.stdout(`API-nøkkel «${values.name}» for ${user.email} (vises bare nå; bruk «Authorization: Bearer <nøkkel>»):\n${token}\n`);
    return 0;
  },
};

export const tokenRevokeCommand: BuiltinCommand = {
  name: 'token revoke',
  summary: 'Trekker tilbake en API-nøkkel',
  usage: 'Bruk: styrerom token revoke <e-post> --name <merkelapp>',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('token revoke', argv, { name: { type: 'string' } }, true);
    if (!values.name) throw usageError('token revoke', 'Oppgi --name');
    const { db } = await ctx.openDb();
    const user = await requireUser(db, oneEmail('token revoke', positionals));
    const now = new Date();
    const n = await revokeToken(db, { userId: user.id, name: values.name, now });
    if (n === 0) throw new AppError('NOT_FOUND', `${user.email} har ingen gyldig API-nøkkel «${values.name}»`);
    await recordAudit(db, { action: 'token.revoke', actor: 'kommandolinje', target: user.email, detail: { name: values.name } }, now);
    ctx.stdout(`Trakk tilbake API-nøkkelen «${values.name}» for ${user.email}.\n`);
    return 0;
  },
};

export const tokenListCommand: BuiltinCommand = {
  name: 'token list',
  summary: 'Lister API-nøklene (aldri selve nøklene)',
  usage: 'Bruk: styrerom token list [--json]',
  async run(argv, ctx) {
    const { values } = parseCommandArgs('token list', argv, { json: { type: 'boolean' } });
    const { db } = await ctx.openDb();
    const tokens = await listTokens(db);
    if (values.json) ctx.stdout(`${JSON.stringify(tokens, null, 2)}\n`);
    else for (const t of tokens) ctx.stdout(`${t.email}\t${t.name}\t${t.revoked_at ? 'trukket tilbake' : 'gyldig'}\n`);
    return 0;
  },
};
