import type { Kysely } from 'kysely';
import { AlertCoalescer } from '../alerts/alerts.coalesce';
import { evaluateAlerts, evaluateAlertsJob, recordWebhookDeliveries } from '../alerts/alerts.evaluate';
import { evaluateExpiryAlerts } from '../alerts/alerts.expiry';
import { anchorAuditJob, anchorStoreHeads } from '../audit/audit.anchor';
import { auditKey } from '../audit/audit.hash';
import { runVerify, verifyAuditJob } from '../audit/audit.verify-run';
import { deliverWebhook, deliverWebhookJob } from '../alerts/webhook.deliver';
import type { Database } from '../db/database.types';
import type { EventBus } from '../events/event-bus';
import { exportJob, runExport } from '../exports/export.run';
import { rollupSales, rollupSalesJob } from '../reports/sales-rollup';
import { deliverReportJob, deliverReportWebhook } from '../views/views.webhook';
import { rollupCosts, rollupCostsJob } from '../costs/costs.rollup';
import { rollupShrinkage } from '../reports/shrinkage-rollup';
import type { JobHandlers, JobQueue } from './jobs/job-queue';
import type { PlatformSettings } from './platform.config';

interface JobHandlerDeps {
  db: Kysely<Database>;
  readDb: Kysely<Database>;
  settings: PlatformSettings;
  publish: EventBus['publish'];
  /** The queue the handlers add follow-up jobs to (built after the handlers). */
  jobs: () => JobQueue;
  now?: () => number;
}

/** Every background job of the hub, by name: the same handlers run on BullMQ or in-process. */
export function createJobHandlers({ db, readDb, settings, publish, jobs, now = () => Date.now() }: JobHandlerDeps): JobHandlers {
  // One evaluation per store at a time, follow-ups merged, a bounded number at once (alerts.coalesce.ts).
  const alerts = new AlertCoalescer(async (storeId, productIds) => {
    const at = new Date(now());
    const stock = await evaluateAlerts(db, [storeId], at, productIds);
    const expiry = await evaluateExpiryAlerts(db, storeId, at, settings.expiryAlertDays, productIds);
    const raised = [...stock.raised, ...expiry.raised];
    const closed = [...stock.closed, ...expiry.closed];
    for (const a of raised) await publish({ type: 'alert.raised', storeId: a.storeId, data: a });
    for (const a of closed) await publish({ type: 'alert.closed', storeId: a.storeId, data: a });
    const deliveries = await recordWebhookDeliveries(db, raised);
    for (const deliveryId of deliveries) {
      await jobs().add('deliver-webhook', { deliveryId }, { attempts: settings.webhookAttempts, backoffMs: settings.webhookBackoffMs });
    }
  }, settings.alertConcurrency);
  // Moving-average costs, rebuilt from the log for the products a write touched, coalesced per store like alerts.
  const costs = new AlertCoalescer(async (storeId, productIds) => {
    await rollupCosts(db, storeId, productIds);
  }, settings.alertConcurrency);
  return {
    'evaluate-alerts': async (data) => {
      const { storeIds, productIds } = evaluateAlertsJob.parse(data);
      await Promise.all(storeIds.map((s) => alerts.request(s, productIds ?? null)));
    },
    'deliver-webhook': async (data, ctx) => {
      const { deliveryId } = deliverWebhookJob.parse(data);
      await deliverWebhook(db, deliveryId, ctx, { timeoutMs: settings.webhookTimeoutMs, allowPrivate: settings.webhookAllowPrivate });
    },
    'rollup-costs': async (data) => {
      const { storeIds, productIds } = rollupCostsJob.parse(data);
      await Promise.all(storeIds.map((s) => costs.request(s, productIds ?? null)));
    },
    'rollup-sales': async (data) => {
      const { days } = rollupSalesJob.parse(data);
      await rollupSales(db, days);
      await rollupShrinkage(db, days);
    },
    'anchor-audit': async (data) => {
      anchorAuditJob.parse(data);
      await anchorStoreHeads(db, new Date(now()));
    },
    'verify-audit': async (data, ctx) => {
      const { runId } = verifyAuditJob.parse(data);
      await runVerify(db, runId, { key: auditKey(), final: ctx.final });
    },
    'export-csv': async (data, ctx) => {
      const { exportId } = exportJob.parse(data);
      await runExport({ db, readDb, exportId, final: ctx.final, progress: (p, audience) => publish({ type: 'export.progress', ...audience, data: p }) });
      // A scheduled report with a webhook: tell it the file is ready.
      const done = await db.selectFrom('export_jobs').select(['state', 'webhook_state']).where('id', '=', exportId).executeTakeFirst();
      if (done?.state === 'done' && done.webhook_state === 'pending') {
        await jobs().add('deliver-report', { exportId }, { attempts: settings.webhookAttempts, backoffMs: settings.webhookBackoffMs });
      }
    },
    'deliver-report': async (data, ctx) => {
      const { exportId } = deliverReportJob.parse(data);
      await deliverReportWebhook(db, exportId, ctx, { timeoutMs: settings.webhookTimeoutMs, allowPrivate: settings.webhookAllowPrivate });
    },
  };
}
