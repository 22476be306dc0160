import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './http/app-env';
import { createAuditRoutes } from './audit/audit.routes';
import { createAuthRoutes } from './auth/auth.routes';
import { createHealthRoutes } from './health/health.routes';
import { createMovementsRoutes } from './movements/movements.routes';
import { createProductsRoutes } from './products/products.routes';
import { createReportsRoutes } from './reports/reports.routes';
import { createInsightsRoutes } from './reports/insights.routes';
import { createTrendsRoutes } from './reports/trends.routes';
import { createExpiryRoutes } from './reports/expiry.routes';
import { createMarginsRoutes } from './reports/margins.routes';
import { createDeadStockRoutes } from './reports/dead-stock.routes';
import { createShrinkageRoutes } from './reports/shrinkage.routes';
import { createAlertRollupRoutes } from './reports/alerts-rollup.routes';
import { createNeverStockedRoutes } from './reports/never-stocked.routes';
import { createNamesRoutes } from './names/names.routes';
import { createStockRoutes } from './stock/stock.routes';
import { createStoresRoutes } from './stores/stores.routes';
import { createSuppliersRoutes } from './suppliers/suppliers.routes';
import { createUsersRoutes } from './users/users.routes';
import { createSyncRoutes } from './sync/sync.routes';
import { createDevicesRoutes } from './devices/devices.routes';
import { createConflictsRoutes } from './conflicts/conflicts.routes';
import { createDevRoutes } from './dev/dev.routes';
import { createBillsRoutes } from './bills/bills.routes';
import { createBillReportRoutes } from './bills/bills.report.routes';
import { createShiftsRoutes } from './shifts/shifts.routes';
import { createPurchaseOrdersRoutes } from './purchases/purchase-orders.routes';
import { createGoodsReceiptsRoutes } from './purchases/goods-receipts.routes';
import { createPurchaseReportRoutes } from './purchases/purchases.reports.routes';
import { createPurchasesSyncRoutes } from './purchases/purchases.sync.routes';
import { createBillsSyncRoutes } from './bills/bills.sync.routes';
import { createPurchaseTermsRoutes } from './purchases/purchase-terms.routes';
import { createTransfersRoutes } from './transfers/transfers.routes';
import { createInTransitRoutes } from './transfers/transfers.in-transit';
import { createTransferSyncRoutes } from './transfers/transfers.sync';
import { createCreditSyncRoutes } from './credit/credit.sync.routes';
import { createCustomersRoutes } from './credit/credit.routes';
import { createReceivablesRoutes } from './credit/credit.report.routes';
import { createCreditSettingsRoutes } from './credit/credit.settings';
import { createHubSettingsRoutes } from './settings/hub-settings.routes';

/** Every /api/v1 route, chained so path params and RPC types survive (hc<HubApp>). */
export function createApiRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .route('/', createHealthRoutes(deps))
    .route('/auth', createAuthRoutes(deps))
    .route('/users', createUsersRoutes(deps))
    .route('/settings', createHubSettingsRoutes(deps))
    .route('/stores', createStoresRoutes(deps))
    .route('/suppliers', createSuppliersRoutes(deps))
    .route('/products', createProductsRoutes(deps))
    .route('/stocks', createStockRoutes(deps))
    .route('/stock-movements', createMovementsRoutes(deps))
    .route('/logs', createAuditRoutes(deps))
    .route('/reports', createReportsRoutes(deps))
    .route('/reports', createInsightsRoutes(deps))
    .route('/reports', createTrendsRoutes(deps))
    .route('/reports', createExpiryRoutes(deps))
    .route('/reports', createMarginsRoutes(deps))
    .route('/reports', createDeadStockRoutes(deps))
    .route('/reports', createShrinkageRoutes(deps))
    .route('/reports', createAlertRollupRoutes(deps))
    .route('/reports', createNeverStockedRoutes(deps))
    .route('/names', createNamesRoutes(deps))
    .route('/reports/bills', createBillReportRoutes(deps))
    .route('/bills', createBillsRoutes(deps))
    .route('/shifts', createShiftsRoutes(deps))
    .route('/purchase-orders', createPurchaseOrdersRoutes(deps))
    .route('/goods-receipts', createGoodsReceiptsRoutes(deps))
    .route('/reports', createPurchaseReportRoutes(deps))
    .route('/purchase-terms', createPurchaseTermsRoutes(deps))
    .route('/transfers', createTransfersRoutes(deps))
    .route('/reports', createInTransitRoutes(deps))
    .route('/sync', createTransferSyncRoutes(deps))
    .route('/sync', createSyncRoutes(deps))
    .route('/sync', createPurchasesSyncRoutes(deps))
    .route('/sync', createCreditSyncRoutes(deps))
    .route('/sync', createBillsSyncRoutes(deps))
    .route('/customers', createCustomersRoutes(deps))
    .route('/credit-settings', createCreditSettingsRoutes(deps))
    .route('/reports', createReceivablesRoutes(deps))
    .route('/devices', createDevicesRoutes(deps))
    .route('/conflicts', createConflictsRoutes(deps))
    .route('/dev', createDevRoutes(deps));
}
