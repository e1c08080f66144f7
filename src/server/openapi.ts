/** The OpenAPI document, generated from the route schemas, and Swagger UI at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Only the JSON API and /health belong in the API document, not the HTML pages. */
function isApiUrl(url: string): boolean {
  return url === '/health' || url === '/api' || url.startsWith('/api/');
}

/**
 * WCAG 2.1 AA for Swagger UI (checked by test/browser/a11y-pages.test.ts): no top bar (its logo had
 * no text and its URL field no label), no unlabelled dark-mode button, and colours with >= 4.5:1.
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
`;

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Styrerom API',
        description: 'JSON API of Styrerom: KPIs, imports and the domains. Errors: `{ error: { code, message, problems } }`.',
        version: '0.1.0',
      },
    },
    transform: ({ schema, url }) => ({ schema: isApiUrl(url) ? schema : { ...schema, hide: true }, url }),
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
