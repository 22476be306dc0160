/**
 * Errors that mean "the database cannot be reached right now" (a restart, a failover, a killed
 * backend, a full pool that could not connect in time), as opposed to a bad query or bad data.
 * The error handler answers these with 503 and Retry-After: the client should simply retry, and
 * the pool reconnects by itself once the server is back.
 */
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** SQLSTATEs: 57P01 admin_shutdown (pg_terminate_backend, fast/immediate stop), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, recovery), 53300 too_many_connections. */
const PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres reports a lost socket or a pool connect timeout as a plain Error with one of these messages. */
const PG_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection terminated due to connection timeout',
];

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (typeof e !== 'object') return false;
    const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string') {
      // Class 08: connection exception (08000, 08003, 08006, 08001, 08004, ...).
      if (code.length === 5 && code.startsWith('08')) return true;
      if (PG_CODES.has(code) || NODE_CODES.has(code)) return true;
    }
    if (typeof message === 'string' && PG_MESSAGES.some((m) => message.startsWith(m))) return true;
    // Dual-stack connects fail with an AggregateError whose members carry the codes.
    if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
