import type { BillsApi } from './bills/bills.api';
import type { CoreApi } from './core.api';

/** Everything the counter's renderer may call over IPC or the bridge: the core's API and its bill operations. */
export type CounterCoreApi = CoreApi & BillsApi;
