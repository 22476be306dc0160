import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Context, Env, Hono } from 'hono';
import { repoRoot, type HubConfig } from '../config/env';
import { contentTypeOf, isCompressible } from './content-types';

export const DEFAULT_WEB_DIST = path.join(repoRoot, 'hub', 'web', 'dist');

/** Hashed build output never changes under the same name; index.html must always be revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The app's secureHeaders middleware sets the rest; the CSP is specific to this page. */
const SECURITY_HEADERS: Record<string, string> = {
  // recharts sets inline style attributes; scripts only from our own origin.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

interface CachedFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

export interface WebUiInfo {
  distDir: string;
  built: boolean;
}

/**
 * Serve the head-office SPA (hub/web/dist) at `/`, after the API routes: files by path, long cache
 * for hashed assets, and index.html for any other GET outside /api so deep links survive a reload.
 */
export function serveWebUi<E extends Env>(app: Hono<E>, config?: Pick<HubConfig, 'webDistDir'>, opts: { distDir?: string } = {}): WebUiInfo {
  const distDir = path.resolve(opts.distDir ?? config?.webDistDir ?? DEFAULT_WEB_DIST);
  const cache = new Map<string, CachedFile>();

  async function load(file: string, useCache: boolean): Promise<CachedFile | null> {
    const hit = useCache ? cache.get(file) : undefined;
    if (hit) return hit;
    let body: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return null;
      body = await fs.readFile(file);
    } catch {
      return null;
    }
    const type = contentTypeOf(file);
    const entry = { body, type, gzip: isCompressible(type) && body.length > 1024 ? gzipSync(body) : null };
    if (useCache) cache.set(file, entry);
    return entry;
  }

  function respond(c: Context<E>, f: CachedFile, cacheControl: string, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { 'Content-Type': f.type, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding', ...extra };
    const wantsGzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const body = f.gzip && wantsGzip ? f.gzip : f.body;
    if (body === f.gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(body), 200, headers);
  }

  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad request', 400);
    }
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return next();

    const file = path.resolve(distDir, `.${path.posix.normalize(urlPath)}`);
    const inside = file.startsWith(distDir + path.sep);
    if (inside && path.basename(file) !== 'index.html') {
      const hashed = urlPath.startsWith('/assets/');
      const found = await load(file, hashed);
      if (found) return respond(c, found, hashed ? IMMUTABLE : REVALIDATE);
      // A missing hashed asset is a stale tab after a deploy: a 404, never index.html as JavaScript.
      if (hashed || path.extname(urlPath)) return c.text('Not found', 404);
    }

    const index = await load(path.join(distDir, 'index.html'), false);
    if (!index) {
      return c.html(
        '<!doctype html><title>Bazaar hub</title><h1>The web dashboard is not built</h1>' +
          '<p>Run <code>pnpm --filter @bazaar/web build</code> and reload. The API is up at <code>/api/v1</code>.</p>',
        503,
      );
    }
    return respond(c, index, REVALIDATE, SECURITY_HEADERS);
  });

  return { distDir, built: existsSync(path.join(distDir, 'index.html')) };
}
