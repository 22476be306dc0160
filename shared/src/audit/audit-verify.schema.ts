import { z } from 'zod';

/** The first row of a chain that does not verify; `seq` is its place in the chain. */
export const chainBreakSchema = z.object({
  id: z.string(),
  seq: z.number().int().nullable(),
  reason: z.string(),
});

/** One chain of the hub's audit log: a store's (`chain` = store id) or the hub chain ('hub'). */
export const chainReportSchema = z.object({
  chain: z.string(),
  ok: z.boolean(),
  checked: z.number().int(),
  /** The head row's seq: how many entries the chain must have. */
  headSeq: z.number().int(),
  /** Entries HMAC-chained from this seq on (null: plain sha256 only). */
  hmacFromSeq: z.number().int().nullable(),
  firstBroken: chainBreakSchema.nullable(),
});
export type ChainReport = z.infer<typeof chainReportSchema>;

/**
 * GET /logs/verify: the chains of one page (or of one store), and whether the anchors of the
 * store heads in the hub chain still match. `ok`, `checked` and `firstBroken` summarise the page
 * as the single-chain answer did (the first bad row of the first bad chain).
 */
export const hubChainVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.string(), reason: z.string() }).nullable(),
  chains: z.array(chainReportSchema),
  /** Anchor check: null when not part of this answer (a single store, or a later page). */
  anchors: z.object({ ok: z.boolean(), reason: z.string().nullable() }).nullable(),
  nextCursor: z.string().nullable(),
});
export type HubChainVerification = z.infer<typeof hubChainVerificationSchema>;

/** A verification of every chain run as a background job (1,000s of stores). */
export const verifyRunSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  chainsTotal: z.number().int(),
  chainsDone: z.number().int(),
  rowsChecked: z.number().int(),
  ok: z.boolean().nullable(),
  /** Every chain that failed, with its first bad row (capped at 1,000 chains). */
  broken: z.array(chainReportSchema),
  anchors: z.object({ ok: z.boolean(), reason: z.string().nullable() }).nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type VerifyRun = z.infer<typeof verifyRunSchema>;
