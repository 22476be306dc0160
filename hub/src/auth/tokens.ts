import { createHash, randomBytes } from 'node:crypto';

/** Prefixes tell token kinds apart at a glance (and let secret scanners spot leaked ones). */
export const USER_TOKEN_PREFIX = 'bzu_';
export const DEVICE_TOKEN_PREFIX = 'bzd_';

/** 256 random bits, base64url. Only hashToken(token) is ever stored. */
export function generateToken(kind: 'user' | 'device'): string {
  return (kind === 'user' ? USER_TOKEN_PREFIX : DEVICE_TOKEN_PREFIX) + randomBytes(32).toString('base64url');
}

/** sha256 is enough here: tokens carry 256 bits of entropy, so there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenKind(token: string): 'user' | 'device' | null {
  if (token.startsWith(USER_TOKEN_PREFIX)) return 'user';
  if (token.startsWith(DEVICE_TOKEN_PREFIX)) return 'device';
  return null;
}
