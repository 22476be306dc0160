import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * In production a store manager must not point the hub's webhook worker at the hub's own
 * network (cloud metadata, Redis, Postgres). The spelling of the host is checked when the
 * webhook is saved (isInternalHost), and every address it resolves to when it is delivered
 * (resolvePublicAddress): the delivery then connects to exactly the address that was checked,
 * so a name that answers a public address to the check and 127.0.0.1 to the connect (DNS
 * rebinding) gets nowhere.
 */

/** "localhost." and "foo.internal." are the same names as without the dot. */
function normaliseHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.+$/, '');
}

const INTERNAL_NAMES = /(^|\.)(localhost|internal|local|localdomain|home\.arpa)$/;

/** Loopback, private, link-local, CGNAT, multicast, reserved: anything not on the public internet. */
export function isInternalAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return internalV4(address.split('.').map(Number));
  if (kind === 6) return internalV6(address);
  return true; // not an address at all: refuse rather than guess
}

function internalV4([a = 0, b = 0, c = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224
  );
}

/** The 8 groups of an IPv6 address (embedded dotted IPv4 expanded), or null. */
function v6Groups(address: string): number[] | null {
  let addr = address.toLowerCase().split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(addr);
  if (dotted) {
    const [p, q, r, s] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    addr = `${addr.slice(0, -dotted[1]!.length)}${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
  }
  const [head = '', tail] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail !== undefined ? 8 - h.length - t.length : 0;
  const groups = [...h, ...Array<string>(Math.max(0, fill)).fill('0'), ...t].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function internalV6(address: string): boolean {
  const g = v6Groups(address);
  if (!g) return true;
  const v4 = (hi: number, lo: number) => internalV4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return true; // ::
  if (zeros(7) && g[7] === 1) return true; // ::1
  if (zeros(5) && g[5] === 0xffff) return v4(g[6]!, g[7]!); // ::ffff:a.b.c.d (IPv4-mapped)
  if (zeros(6)) return v4(g[6]!, g[7]!); // ::a.b.c.d (IPv4-compatible)
  if (g[0] === 0x64 && g[1] === 0xff9b) return v4(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!); // 6to4
  const first = g[0]!;
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0 || (first & 0xff00) === 0xff00;
}

/** The spelling check, when a webhook is saved. */
export function isInternalHost(hostname: string): boolean {
  const host = normaliseHost(hostname);
  if (host === '' || INTERNAL_NAMES.test(host) || host === 'metadata.google.internal') return true;
  // The WHATWG URL parser already turned decimal (2130706433) and octal (0177.0.0.1) IPv4 forms into dotted ones.
  return isIP(host) !== 0 && isInternalAddress(host);
}

export class WebhookAddressRefused extends Error {}

/**
 * The address to connect to for a delivery: every A/AAAA record of the host must be public
 * (one internal record refuses the host: a resolver may answer it to the connect).
 */
export async function resolvePublicAddress(
  hostname: string,
  resolve: (host: string) => Promise<{ address: string; family: number }[]> = (host) => lookup(host, { all: true, verbatim: true }),
): Promise<{ address: string; family: 4 | 6 }> {
  const host = normaliseHost(hostname);
  if (isInternalHost(host)) throw new WebhookAddressRefused(`webhook host ${host} is internal`);
  const records = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  if (records.length === 0) throw new WebhookAddressRefused(`webhook host ${host} has no address`);
  const bad = records.find((r) => isInternalAddress(r.address));
  if (bad) throw new WebhookAddressRefused(`webhook host ${host} resolves to an internal address (${bad.address})`);
  const first = records[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
