import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The hub's whole configuration, parsed once at start. Nothing else reads process.env.
 *
 * Relative paths (DATA_DIR) are resolved against the repository root, not the cwd:
 * `pnpm start` runs in hub/ while `pnpm --filter` or a service manager may run elsewhere,
 * and the data must land in one place (`<repo>/data/hub` by default) whichever it is.
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
  .optional();

export const envSchema = z
  .object({
    PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: postgresUrl,
    /** Replica for reports and audit search; falls back to DATABASE_URL. */
    DATABASE_READ_URL: postgresUrl,
    DATA_DIR: z.string().min(1).default('data/hub'),
    /** The built head-office app served at `/` (relative to the repository root). */
    WEB_DIST_DIR: z.string().min(1).default('hub/web/dist'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    /**
     * The sync push's statements run as named prepared statements (parsed and planned once per
     * connection). Behind PgBouncer in transaction mode that needs PgBouncer >= 1.21 with
     * max_prepared_statements > 0; set false for an older pooler.
     */
    DB_PREPARED_STATEMENTS: bool.default(true),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
    /** Prefix of every Redis key (several hubs, or test runs, may share one Redis). */
    REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1-64 chars of [A-Za-z0-9:_-]').default('bazaar:'),
    /** API requests per minute per token, and per IP without one; 0 turns the limit off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
    RATE_LIMIT_ANON_PER_MINUTE: z.coerce.number().int().min(0).default(120),
    /** The address counters on other PCs use for this hub (shown when enrolling a counter); none: the browser's address. */
    PUBLIC_URL: z.string().url('must be a URL such as http://192.168.1.20:8787').optional(),
    /** Comma-separated list of allowed browser origins; empty means no cross-origin access. */
    CORS_ORIGINS: z
      .string()
      .default('http://localhost:5173,http://127.0.0.1:5173')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ message: 'each origin must be a URL like https://ho.example.com' }))),
    HUB_MODE: z.enum(['production', 'development', 'test']).optional(),
    NODE_ENV: z.enum(['production', 'development', 'test']).optional(),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(2 * 1024 * 1024),
    TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(12),
    DEVICE_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Login attempts allowed per minute, per client IP and per username from one IP. */
    LOGIN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    LOGIN_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** Failed token authentications (unknown or revoked tokens) allowed per minute per client IP. */
    AUTH_FAILURES_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** Use X-Forwarded-For for the client IP (only behind a trusted proxy). */
    TRUST_PROXY: bool.default(false),
    /** HLC node id of this hub process; distinct per node when several run. */
    HUB_NODE_ID: z
      .string()
      .regex(/^[0-9a-z]{1,16}$/, 'must be 1-16 chars of [0-9a-z]')
      .default('hub'),
    /** Set to false to disable first-user self-registration becoming admin (an admin password is generated instead). */
    OPEN_FIRST_REGISTRATION: bool.default(true),
    /**
     * Optional secret for the audit chains: with it, entries are HMAC-SHA256 chained, so write
     * access to the database alone cannot recompute a valid chain. Keep it out of the database.
     */
    AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
    /**
     * Admission control per node (platform/admission): sync pushes and pulls, and head-office
     * reads, each get a bounded number in flight and a short bounded queue; past that the hub
     * answers 503 with Retry-After at once instead of queueing without end. Keep the three
     * in-flight bounds within DB_POOL_SIZE so no class waits for another's connections.
     * Unset push bound: DB_POOL_SIZE - 5 (at least 1); 0 turns a bound off.
     */
    PUSH_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(500).optional(),
    PUSH_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(64),
    PULL_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(500).default(3),
    PULL_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(64),
    /** Longest a push or pull waits for a slot before it is refused. */
    SYNC_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(300),
    READ_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(500).default(2),
    READ_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(32),
    READ_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /** Longest a push waits for a store or device lock (lock_timeout in its transaction); 0 = no bound. */
    PUSH_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
    /** Retry-After of a 503 at capacity (clients add jitter). */
    BUSY_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3_600).default(2),
  })
  .transform((e) => ({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    dataDir: path.resolve(repoRoot, e.DATA_DIR),
    webDistDir: path.resolve(repoRoot, e.WEB_DIST_DIR),
    dbPoolSize: e.DB_POOL_SIZE,
    dbPreparedStatements: e.DB_PREPARED_STATEMENTS,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rateLimitAnonPerMinute: e.RATE_LIMIT_ANON_PER_MINUTE,
    corsOrigins: e.CORS_ORIGINS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    mode: e.HUB_MODE ?? e.NODE_ENV ?? 'development',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    tokenTtlHours: e.TOKEN_TTL_HOURS,
    deviceTokenTtlDays: e.DEVICE_TOKEN_TTL_DAYS,
    logLevel: e.LOG_LEVEL,
    loginPerIpPerMinute: e.LOGIN_PER_IP_PER_MINUTE,
    loginPerUserPerMinute: e.LOGIN_PER_USER_PER_MINUTE,
    authFailuresPerIpPerMinute: e.AUTH_FAILURES_PER_IP_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    hubNodeId: e.HUB_NODE_ID,
    openFirstRegistration: e.OPEN_FIRST_REGISTRATION,
    auditHmacKey: e.AUDIT_HMAC_KEY ?? null,
    admission: {
      push: { maxInFlight: e.PUSH_MAX_IN_FLIGHT ?? Math.max(1, e.DB_POOL_SIZE - 5), maxQueued: e.PUSH_MAX_QUEUED, maxWaitMs: e.SYNC_MAX_WAIT_MS },
      pull: { maxInFlight: e.PULL_MAX_IN_FLIGHT, maxQueued: e.PULL_MAX_QUEUED, maxWaitMs: e.SYNC_MAX_WAIT_MS },
      read: { maxInFlight: e.READ_MAX_IN_FLIGHT, maxQueued: e.READ_MAX_QUEUED, maxWaitMs: e.READ_MAX_WAIT_MS },
      pushLockTimeoutMs: e.PUSH_LOCK_TIMEOUT_MS,
      retryAfterSeconds: e.BUSY_RETRY_AFTER_SECONDS,
    },
  }));

export type HubConfig = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse an environment; throws ConfigError listing every bad variable by name. */
export function parseConfig(env: Record<string, string | undefined>): HubConfig {
  // Empty strings mean "unset" (a blank line in a .env file must not fail a URL check).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(env)'}: ${i.message}`),
  );
}

/** For entry points: parse process.env, or print every bad field and exit 1. */
export function loadConfigOrExit(): HubConfig {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`hub: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/** Test helper: a config with defaults and overrides, without touching process.env. */
export function testConfig(overrides: Record<string, string> = {}): HubConfig {
  // Tests make many refused calls from one (unknown) address; the limit's own test sets it low.
  return parseConfig({ HUB_MODE: 'test', LOG_LEVEL: 'silent', AUTH_FAILURES_PER_IP_PER_MINUTE: '100000', ...overrides });
}
