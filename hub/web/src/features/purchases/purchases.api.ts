import { goodsReceiptSummarySchema, pageSchema, purchaseOrderDetailSchema, purchaseOrderSchema, purchaseOrderSummarySchema, reorderReportSchema, supplierPurchasesSchema } from '@bazaar/shared';
import { z } from 'zod';
import { api } from '../../api/client';
import type { ListQuery } from '../../api/endpoints';
import type { RequestBody } from '../../api/hub-routes';

/** Purchase orders, goods receipts, the "to order" list and a supplier's page, as the hub answers them. */
export const purchasesApi = {
  orders: (query: ListQuery<'/purchase-orders'>) => api('GET', '/purchase-orders', { query, schema: pageSchema(purchaseOrderSummarySchema) }),
  order: (id: string, query: ListQuery<'/purchase-orders/:id'>) => api('GET', '/purchase-orders/:id', { param: { id }, query, schema: purchaseOrderDetailSchema }),
  fromSuggestions: (body: RequestBody<'POST', '/purchase-orders/from-suggestions'>) =>
    api('POST', '/purchase-orders/from-suggestions', { body, schema: z.object({ orders: z.array(purchaseOrderSchema) }) }),
  receipts: (query: ListQuery<'/goods-receipts'>) => api('GET', '/goods-receipts', { query, schema: pageSchema(goodsReceiptSummarySchema) }),
  reorder: (query: ListQuery<'/reports/reorder'>) => api('GET', '/reports/reorder', { query, schema: reorderReportSchema }),
  supplier: (query: ListQuery<'/reports/supplier-purchases'>) => api('GET', '/reports/supplier-purchases', { query, schema: supplierPurchasesSchema }),
};
