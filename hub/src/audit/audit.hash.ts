import { createHash, createHmac } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A format-2 row's hash: HMAC-SHA256 under the hub's key when the chain is keyed, else sha256. */
export function chainHash(key: Buffer | null, input: string): string {
  return key ? createHmac('sha256', key).update(input, 'utf8').digest('hex') : sha256Hex(input);
}

/**
 * The tag that pins where a chain's HMAC part begins (and the plain hash before it). Without the
 * key nobody can move the start, or drop it to pass off a recomputed plain chain as never keyed.
 */
export function hmacMarkerTag(key: Buffer, chain: string, fromSeq: number, prevHash: string): string {
  return createHmac('sha256', key).update(`hmac-from|${chain}|${fromSeq}|${prevHash}`, 'utf8').digest('hex');
}

let processKey: Buffer | null = null;

/**
 * The key the writer chains with (AUDIT_HMAC_KEY), set once from the config by createApp. A
 * process runs one hub, so one key: every writeAudit call site stays a plain function call.
 */
export function useAuditKey(key: string | null | undefined): void {
  processKey = key ? Buffer.from(key, 'utf8') : null;
}

export function auditKey(): Buffer | null {
  return processKey;
}
