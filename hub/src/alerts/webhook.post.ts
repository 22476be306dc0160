import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolvePublicAddress } from './webhook-url';

export interface WebhookPost {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Development and tests deliver to local receivers; production never does. */
  allowPrivate: boolean;
}

/** A DNS lookup that answers only the address already checked, whatever name the socket asks for. */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_host, opts, cb) => {
    if (opts.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  };
}

/**
 * POST one webhook body and answer the status. With allowPrivate off, the host's addresses
 * are checked first and the socket connects to the checked address (a lookup that answers
 * only that address), so there is no window between the check and the connect; TLS still
 * verifies the certificate against the host name. Redirects are not followed.
 */
export async function postWebhook(p: WebhookPost): Promise<number> {
  const url = new URL(p.url);
  const pinned = p.allowPrivate ? null : await resolvePublicAddress(url.hostname);
  const lookup = pinned ? pinnedLookup(pinned.address, pinned.family) : undefined;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...p.headers, 'Content-Length': String(Buffer.byteLength(p.body)) },
    timeout: p.timeoutMs,
    ...(lookup ? { lookup } : {}),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(url, options, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${p.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(p.body);
  });
}
