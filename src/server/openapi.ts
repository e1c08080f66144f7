/** The OpenAPI document, generated from the route schemas, and Swagger UI at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Only the JSON API and /health belong in the API document, not the HTML pages. */
function isApiUrl(url: string): boolean {
  return url === '/health' || url === '/api' || url.startsWith('/api/');
}

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
    await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  });
}
