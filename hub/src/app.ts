import { DomainError } from '@bazaar/shared';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate } from './auth/auth.middleware';
import { PrincipalCache } from './auth/principal.cache';
import { createApiRoutes } from './api.routes';
import { useAuditKey } from './audit/audit.hash';
import type { AppDeps, AppEnv } from './http/app-env';
import { handleError } from './http/error-handler';
import { createAdmission } from './platform/admission/admission.middleware';
import { createOpenApiRoutes } from './openapi/openapi.routes';
import { createPlatformRoutes } from './platform/platform.routes';
import { legacyMoneyKeys } from './sync/legacy-keys.middleware';

export type { AppDeps } from './http/app-env';

/**
 * The hub as a Hono app. Everything it needs is passed in, so tests run the real app
 * in-process (app.request) against a real database.
 */
export function createApp(given: AppDeps) {
  const deps: AppDeps = { ...given, principals: given.principals ?? new PrincipalCache({ now: () => given.clock.now() }) };
  const { config, logger } = deps;
  // The audit writer chains with this process's key (AUDIT_HMAC_KEY), wherever it is called from.
  useAuditKey(config.auditHmacKey);
  const app = new Hono<AppEnv>();

  if (deps.platform) app.use('*', deps.platform.observe);
  app.use(
    '*',
    requestId({ generator: () => crypto.randomUUID() }),
    async (c, next) => {
      const log = logger.child({ requestId: c.get('requestId') });
      c.set('logger', log);
      const started = performance.now();
      await next();
      // Method, path and status only: never query strings, headers or bodies (tokens, passwords).
      log.info(
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
        'request',
      );
    },
    secureHeaders({ crossOriginResourcePolicy: 'same-site' }),
    cors({
      origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'Accept', 'X-Request-Id', 'Idempotency-Key'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['X-Request-Id', 'X-Total-Count', 'X-Truncated', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'X-Cache', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: () => {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `request body is larger than the limit of ${config.bodyLimitBytes} bytes`,
          { limitBytes: config.bodyLimitBytes },
        );
      },
    }),
    authenticate(deps),
    legacyMoneyKeys,
  );
  // Past capacity, shed with 503 + Retry-After before any work (platform/admission).
  if (deps.platform) app.use('/api/*', createAdmission({ settings: config.admission, registry: deps.platform.metrics.registry, db: deps.db }).middleware);
  if (deps.platform) app.use('/api/*', ...deps.platform.api);

  // Chained so hc<HubApp> sees every route; the document is generated from what `app` serves, when first asked for.
  const routes = app
    .route('/api/v1', createPlatformRoutes(deps))
    .route('/api/v1', createApiRoutes(deps))
    .route('/api/v1', createOpenApiRoutes(app));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404);
    }
    return c.text('Not found', 404);
  });
  app.onError(handleError);
  return routes;
}

export type HubApp = ReturnType<typeof createApp>;
