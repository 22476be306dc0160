import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { errorStatus, nulPath } from '@bazaar/shared';
import type { CounterCoreApi } from '../core/counter.api';
import { dispatch, writesMovements } from './api-dispatch';
import { isRemoteOperation } from './api-operations';
import type { ApiFailure, ApiResult } from './api-result';

export interface BridgeOptions {
  core: CounterCoreApi;
  /** The built renderer (vite build output). */
  staticDir: string;
  onWrite?: () => void;
  log?: (line: string) => void;
  /** Fixed for tests; random per start otherwise. */
  token?: string;
}

const MAX_BODY = 70 * 1024 * 1024;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/**
 * Browser mode: the renderer and the core's API on 127.0.0.1. The API answers only
 * requests that carry this run's token (embedded in the page it serves) and name this
 * server as Host, so another web page in the same browser can neither call it (CSRF)
 * nor reach it through DNS rebinding.
 */
export function createBridgeServer(opts: BridgeOptions): { server: Server; token: string } {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const log = opts.log ?? (() => undefined);
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`bridge: ${req.method} ${req.url} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'the counter service failed'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (!hostAllowed(req.headers.host, server)) {
      sendJson(res, 403, failure('FORBIDDEN', 'this service answers only on localhost'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, failure('BAD_REQUEST', 'method not allowed'));
      return;
    }
    return serveStatic(res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') return sendJson(res, 405, failure('BAD_REQUEST', 'use POST'));
    if (!tokenMatches(req.headers['x-bazaar-token'], token)) return sendJson(res, 401, failure('UNAUTHENTICATED', 'missing or wrong bridge token: reload the page'));
    if (!isRemoteOperation(op)) return sendJson(res, 404, failure('NOT_FOUND', `no operation "${op}"`));
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, failure('UNSUPPORTED_MEDIA_TYPE', 'send the body as Content-Type: application/json'));
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? null : (JSON.parse(body) as unknown);
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, failure('PAYLOAD_TOO_LARGE', `the request is over ${MAX_BODY / 1024 / 1024} MB`));
      return sendJson(res, 400, failure('INVALID_JSON', 'the request body is not valid JSON'));
    }
    const nul = nulPath(input);
    if (nul !== null) return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION_FAILED', message: `${nul}: must not contain NUL characters`, details: { fields: [{ path: nul, message: 'must not contain NUL characters' }] } } });
    const result = await dispatch(opts.core, op, input ?? undefined, (o, err) =>
      log(`bridge: ${o} failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    );
    if (result.ok && writesMovements.has(op)) opts.onWrite?.();
    sendJson(res, result.ok ? 200 : errorStatus[result.error.code], result);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // A malformed escape (/%E0%A4%A) names no file: the client's mistake, not the service's.
      return sendJson(res, 400, failure('BAD_REQUEST', 'the path has a malformed % escape'));
    }
    if (decoded.includes('\u0000')) return sendJson(res, 400, failure('BAD_REQUEST', 'the path must not contain NUL characters'));
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(opts.staticDir, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(opts.staticDir + sep) && file !== opts.staticDir) return sendJson(res, 404, failure('NOT_FOUND', 'not found'));
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // Unknown paths get the app (there are no client-side routes, but a stale bookmark should still open it).
      return serveIndex(res);
    }
    if (file.endsWith('index.html')) return serveIndex(res);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=3600' });
    res.end(body);
  }

  async function serveIndex(res: ServerResponse): Promise<void> {
    const html = await readFile(join(opts.staticDir, 'index.html'), 'utf8');
    const withToken = html.replace('<head>', `<head>\n    <meta name="bazaar-bridge-token" content="${token}" />`);
    res.writeHead(200, { 'Content-Type': types['.html'] ?? 'text/html', 'Cache-Control': 'no-store', 'Content-Security-Policy': csp });
    res.end(withToken);
  }

  return { server, token };
}

function failure(code: ApiFailure['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostAllowed(host: string | undefined, server: Server): boolean {
  const addr = server.address();
  if (!host || !addr || typeof addr === 'string') return false;
  return [`127.0.0.1:${addr.port}`, `localhost:${addr.port}`, `[::1]:${addr.port}`].includes(host.toLowerCase());
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
