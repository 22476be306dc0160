/** The hash of the row before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    // Keys in UTF-16 code unit order (the default sort), undefined values left out.
    const obj = value as Record<string, unknown>;
    let out = '';
    for (const k of Object.keys(obj).sort()) {
      const v = obj[k];
      if (v === undefined) continue;
      out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
    }
    return `{${out}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
  return JSON.stringify(value);
}

/** The fields of an audit row that its hash covers. */
export interface AuditHashFields {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  storeId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** hash = sha256(prevHash ‖ canonical row): each side hashes this text with its own sha256. */
export function auditHashInput(prevHash: string, row: AuditHashFields): string {
  return `${prevHash}|${canonicalJson(row)}`;
}

/**
 * The hub's audit chains (format 2): one chain per store (`chain` = the store id) plus the
 * hub chain (`HUB_CHAIN`: catalog, users, hub settings, and the anchors of every store head).
 * Format 2 covers every column the log shows (the actor's name too), and the row's place in
 * its chain (chain, seq), so a row cannot be moved to another chain or position unnoticed.
 * The counter app keeps format 1 (`auditHashInput`) for its own local log.
 */
export const HUB_CHAIN = 'hub';

/** Format 2 covers format 1's fields plus the row's place (chain, seq) and the actor's name. */
export interface AuditChainFields extends AuditHashFields {
  chain: string;
  seq: number;
  actorName: string | null;
}

/** The text a format-2 row's hash (sha256, or HMAC-SHA256 with the hub's key) is taken over. */
export function auditChainInput(prevHash: string, row: AuditChainFields): string {
  // canonicalJson(row), written out: the keys in their sorted order, only the JSON values
  // walked generically (verification runs this for every row of every chain).
  const j = JSON.stringify;
  const text =
    `{"action":${j(row.action)},"actorId":${j(row.actorId)},"actorName":${j(row.actorName)},"after":${canonicalJson(row.after)},` +
    `"at":${j(row.at)},"before":${canonicalJson(row.before)},"chain":${j(row.chain)},"entity":${j(row.entity)},"entityId":${j(row.entityId)},` +
    `"id":${j(row.id)},"ip":${j(row.ip)},"seq":${canonicalJson(row.seq)},"storeId":${j(row.storeId)}}`;
  return `v2|${prevHash}|${text}`;
}

/** The text an anchor digests: every chain's (chain, seq, hash), one line each, in chain order. */
export function anchorDigestInput(heads: readonly { chain: string; seq: number; hash: string }[]): string {
  return [...heads]
    .sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0))
    .map((h) => `${h.chain}:${h.seq}:${h.hash}`)
    .join('\n');
}
