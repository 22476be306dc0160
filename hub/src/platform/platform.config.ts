import type { HubConfig } from '../config/env';

export interface PlatformSettings {
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  perTokenPerMinute: number;
  anonPerIpPerMinute: number;
  /** Tries per webhook delivery, and the first retry delay (doubling after). */
  webhookAttempts: number;
  webhookBackoffMs: number;
  webhookTimeoutMs: number;
  /** Deliver to loopback and private addresses (development, tests); never in production mode. */
  webhookAllowPrivate: boolean;
  /** How often the daily sales rollup refreshes today and yesterday; 0 = never on a timer. */
  rollupEveryMs: number;
  /** How often the store audit heads are anchored into the hub chain; 0 = never on a timer. */
  auditAnchorEveryMs: number;
  /** How often due scheduled reports (saved views) are started; 0 = never on a timer. */
  reportScheduleEveryMs: number;
  /** Alert re-evaluations one node runs at once (each store single-flight, alerts.coalesce.ts). */
  alertConcurrency: number;
  /** Expiry alerts: a store holding stock that expires within this many of its days (0 = today) raises `expiring`. */
  expiryAlertDays: number;
}

type PlatformConfigFields = Pick<HubConfig, 'redisUrl'> &
  Partial<{ redisKeyPrefix: string; rateLimitPerMinute: number; rateLimitAnonPerMinute: number; mode: HubConfig['mode'] }>;

export function platformSettings(config: PlatformConfigFields, overrides: Partial<PlatformSettings> = {}): PlatformSettings {
  return {
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix ?? 'bazaar:',
    perTokenPerMinute: config.rateLimitPerMinute ?? 1_200,
    anonPerIpPerMinute: config.rateLimitAnonPerMinute ?? 120,
    webhookAttempts: 5,
    webhookBackoffMs: 2_000,
    webhookTimeoutMs: 5_000,
    webhookAllowPrivate: config.mode !== 'production',
    rollupEveryMs: 15 * 60_000,
    auditAnchorEveryMs: 15 * 60_000,
    reportScheduleEveryMs: 60_000,
    alertConcurrency: 2,
    expiryAlertDays: 7,
    ...overrides,
  };
}
