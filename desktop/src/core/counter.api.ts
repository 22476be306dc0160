import type { BillsApi } from './bills/bills.api';
import type { CoreApi } from './core.api';
import type { CreditApi } from './credit/credit.api';
import type { PurchasesApi } from './purchases/purchases.api';
import type { TransfersApi } from './transfers/transfers.api';

/** Everything the counter's renderer may call over IPC or the bridge: the core's API, its bill, transfer, purchase and credit operations. */
export type CounterCoreApi = CoreApi & BillsApi & TransfersApi & PurchasesApi & CreditApi;
