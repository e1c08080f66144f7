/** The OpenAPI document, generated from the route schemas, and Swagger UI at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './access.ts';
import { errorBodySchema } from './http-errors.ts';

/** Only the JSON API and /health belong in the API document, not the HTML pages. */
function isApiUrl(url: string): boolean {
  return url === '/health' || url === '/api' || url.startsWith('/api/');
}

/**
 * WCAG 2.1 AA for Swagger UI (checked by test/browser/a11y-pages.test.ts): no top bar (its logo had
 * no text and its URL field no label), no unlabelled dark-mode button, no server picker (its select
 * has no label; the document has one server), and colours with >= 4.5:1, OpenAPI 3.1 schema views too.
 */
const SWAGGER_A11Y_CSS = `
.swagger-ui .topbar, .dark-mode-toggle { display: none !important; }
.swagger-ui .info .title small pre, .swagger-ui .info .title small { background: #4a4a4a !important; }
.swagger-ui .info .title small.version-stamp { background: #1e6b34 !important; }
.swagger-ui .info .url, .swagger-ui .info a, .swagger-ui a.nostyle, .swagger-ui .info__contact a { color: #1f4e79 !important; }
.swagger-ui .opblock-get .opblock-summary-method { background: #0b5394 !important; }
.swagger-ui .opblock-post .opblock-summary-method { background: #1e6b34 !important; }
.swagger-ui .opblock-put .opblock-summary-method { background: #7a4a00 !important; }
.swagger-ui .opblock-delete .opblock-summary-method { background: #a4161a !important; }
.swagger-ui .opblock-patch .opblock-summary-method { background: #00695c !important; }
.swagger-ui .opblock .opblock-summary-description, .swagger-ui .opblock .opblock-summary-path { color: #1a1a1a !important; }
.swagger-ui .opblock-tag small, .swagger-ui .parameter__in, .swagger-ui .prop-format { color: #4a4a4a !important; }
.swagger-ui .btn.authorize, .swagger-ui .btn { color: #1a1a1a; }
.swagger-ui :focus-visible { outline: 3px solid #1a1a1a !important; outline-offset: 2px; }
.swagger-ui [class*="json-schema-2020-12"] { color: #1a1a1a !important; }
.swagger-ui .scheme-container { display: none !important; }
`;

/** Tags of the document with their Norwegian descriptions (a tag used without one fails the contract test). */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  system: 'Drift: helsesjekk for overvåking og lastbalanserer',
  session: 'Innlogging med passord (økt-informasjonskapsel) og utlogging',
  audit: 'Revisjonsloggen: hvem gjorde hva og når (kun administratorer)',
  kpi: 'Nøkkeltall for alle områder for en måned',
  imports: 'Import av rådatafiler og importhistorikk',
  risk: 'Risikoregisteret: risikoer, vurderinger, risikomatrise og eksport',
  finance: 'Økonomi: resultat, investeringer, likviditet og kundefordringer',
  workforce: 'Arbeidstid (AML): brudd og nøkkeltall',
  sickLeave: 'Sykefravær per måned og enhet',
  service: 'Tjenestedesk: samtaler, køer, tilgjengelighet, volum og klager',
  projects: 'Prosjektporteføljen: milepæler, feil og risiko',
  report: 'Virksomhetsrapporten: mal, tekster, arbeidsflyt, publisering og filer',
};

/** The error body's schema in the document; every error response refers to it. */
export const ERROR_SCHEMA_REF = '#/components/schemas/Error';

/** Statuses any operation of a kind can answer, added to each operation beside its own. */
const COMMON_ERRORS: Readonly<Record<string, string>> = {
  '400': 'Ugyldig forespørsel: en parameter eller et felt har feil form eller verdi (feltet er navngitt)',
  '401': 'Ikke innlogget, eller API-nøkkelen er ugyldig',
  '403': 'Rollen gir ikke tilgang til dette',
  '413': 'Forespørselskroppen er større enn serveren tar imot',
  '414': 'En del av stien er lengre enn serveren tar imot',
  '415': 'Innholdstypen (Content-Type) støttes ikke her',
  '500': 'Uventet feil hos serveren (logget)',
};

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses?: Record<string, Json>;
  security?: unknown;
  tags?: string[];
}

interface RouteFacts {
  permission: string | undefined;
  consumes: string[] | undefined;
  hasBody: boolean;
}

/** `/api/risks/:id` → `/api/risks/{id}`; the wildcard `*` is the parameter `{path}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');
}

function errorResponse(description: string): Json {
  return { description, content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } } };
}

/** Completes one operation: security from its permission, the common error statuses, the raw upload. */
function completeOperation(method: string, op: Operation, facts: RouteFacts | undefined): void {
  const permission = facts?.permission;
  op.security = permission === 'public' ? [] : [{ session: [] }, { bearer: [] }];
  op.responses ??= {};
  const responses = op.responses;
  if (facts?.consumes && !op.requestBody) {
    const schema = { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' };
    op.requestBody = { required: true, content: Object.fromEntries(facts.consumes.map((type) => [type, { schema }])) };
  }
  const params = op.parameters ?? [];
  const wanted = ['500'];
  if (params.length > 0 || op.requestBody) wanted.push('400');
  if (permission !== 'public') wanted.push('401', '403');
  // A cookie-authenticated unsafe request from another origin is refused (CSRF), public or not.
  else if (method !== 'get') wanted.push('403');
  if (op.requestBody) wanted.push('413', '415');
  if (params.some((p) => p.in === 'path')) wanted.push('414');
  for (const status of wanted) responses[status] ??= errorResponse(COMMON_ERRORS[status] as string);
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400) continue;
    // Route schemas spell the error body out; the document names it once.
    const content = response.content as Record<string, Json> | undefined;
    if (content?.['application/json']) content['application/json'] = { schema: { $ref: ERROR_SCHEMA_REF } };
    if (!response.description || response.description === 'Default Response') {
      response.description = COMMON_ERRORS[status] ?? ERROR_DESCRIPTIONS[status] ?? 'Feil';
    }
  }
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400 && (!response.description || response.description === 'Default Response')) response.description = 'OK';
  }
}

const ERROR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '404': 'Finnes ikke',
  '409': 'Konflikt med tilstanden (for eksempel en publisert rapport, eller samme fil importert før)',
  '422': 'Innholdet kunne ikke brukes (import- eller rapportfeil med problemer per linje)',
  '429': 'For mange forsøk; prøv igjen etter Retry-After sekunder',
  '503': 'Databasen er opptatt eller svarer ikke; prøv igjen',
};

/** The served document: OpenAPI 3.1, servers, security schemes, tags, and every operation completed. */
export function completeDocument(doc: Json, routes: ReadonlyMap<string, RouteFacts>): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  const renamed: Record<string, Record<string, Operation>> = {};
  const used = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    const openPath = path.replace('{*}', '{path}');
    for (const [method, op] of Object.entries(item)) {
      for (const p of op.parameters ?? []) if (p.in === 'path' && p.name === '*') p.name = 'path';
      completeOperation(method, op, routes.get(`${method.toUpperCase()} ${openPath}`));
      for (const tag of op.tags ?? []) used.add(tag);
    }
    renamed[openPath] = item;
  }
  const components = (doc.components ?? {}) as Json;
  return {
    ...doc,
    openapi: '3.1.0',
    servers: [{ url: '/', description: 'Styrerom-serveren som serverer dette dokumentet' }],
    paths: renamed,
    components: {
      ...components,
      schemas: { ...((components.schemas as Json | undefined) ?? {}), Error: errorBodySchema },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Økt fra POST /api/session (passord) eller innlogging med SSO i nettleseren',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'API-nøkkel laget med `styrerom token create` (Authorization: Bearer …)' },
      },
    },
    tags: [...used].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? '' })),
  };
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const routes = new Map<string, RouteFacts>();
  app.addHook('onRoute', (route) => {
    if (!isApiUrl(route.url)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = route.schema as { consumes?: string[]; body?: unknown } | undefined;
    for (const method of methods) {
      routes.set(`${method} ${openApiPath(route.url)}`, {
        get permission() {
          return route.config?.permission;
        },
        consumes: schema?.consumes,
        hasBody: schema?.body !== undefined,
      });
    }
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Styrerom API',
        description:
          'JSON API of Styrerom: KPIs, imports and the domains. Errors: `{ error: { code, message, problems } }` (docs/api.md, docs/errors.md).',
        version: '0.1.0',
      },
    },
    transform: ({ schema, url }) => ({ schema: isApiUrl(url) ? schema : { ...schema, hide: true }, url }),
    transformObject: (documentObject) => {
      const doc = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      return completeDocument(doc as Json, routes) as typeof doc;
    },
  });
  // Swagger UI's own routes (the API's documentation) are for every signed-in user.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { permission: 'read', ...route.config };
    });
    await scope.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: false,
      // Deep links put a link inside each operation's toggle button (nested interactive controls).
      uiConfig: { deepLinking: false },
      theme: { title: 'Styrerom API', css: [{ filename: 'styrerom-a11y.css', content: SWAGGER_A11Y_CSS }] },
    });
  });
  // Swagger UI's page has no language; its content is English.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/docs') || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    if (typeof payload !== 'string') return payload;
    return payload.replace(/<html(?![^>]*\blang=)/, '<html lang="en"');
  });
}
