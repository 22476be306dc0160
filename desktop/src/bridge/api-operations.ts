import type { CounterCoreApi } from '../core/counter.api';
import type { ApiResult } from './api-result';

/*
 * The counter's API as seen from the renderer: the core's CoreApi and BillsApi (and its transfer and purchase operations) minus what cannot cross a
 * process (close, progress callbacks). Both transports — Electron IPC (preload) and the
 * local HTTP bridge (browser mode) — implement exactly this type; nothing here is re-declared.
 */

export type RemoteOperation = Exclude<keyof CounterCoreApi, 'close'>;

/** No input, one input, or one the caller may leave out (listTransfers(), listTransfers({ direction: 'in' })). */
type Remote<F> = F extends (...args: infer A) => infer R
  ? A extends []
    ? () => R
    : A extends [infer I, ...unknown[]]
      ? (input: I) => R
      : A extends [(infer I)?]
        ? (input?: I) => R
        : never
  : never;

export type CounterApi = { [K in RemoteOperation]: Remote<CounterCoreApi[K]> };

type Raw<F> = F extends (...args: infer A) => Promise<infer R>
  ? A extends []
    ? () => Promise<ApiResult<R>>
    : A extends [infer I]
      ? (input: I) => Promise<ApiResult<R>>
      : A extends [(infer I)?]
        ? (input?: I) => Promise<ApiResult<R>>
        : never
  : never;

/**
 * What the preload exposes on `window.bazaar`: results as plain `ApiResult` objects because
 * contextBridge copies only the message of a thrown error and the error code would be lost.
 */
export type CounterIpcApi = { [K in RemoteOperation]: Raw<CounterApi[K]> };

/** Every operation, once. `satisfies` makes a missing or extra name a type error. */
const operationFlags = {
  info: true,
  initStore: true,
  startSetupOver: true,
  createUser: true,
  listUsers: true,
  signIn: true,
  signOut: true,
  setBigText: true,
  addSupplier: true,
  listSuppliers: true,
  addProduct: true,
  updateProduct: true,
  archiveProduct: true,
  importProducts: true,
  findProduct: true,
  scanCode: true,
  searchProducts: true,
  listCategories: true,
  sell: true,
  stockIn: true,
  remove: true,
  removeExpired: true,
  count: true,
  adjust: true,
  listStock: true,
  history: true,
  auditLog: true,
  verifyAudit: true,
  enroll: true,
  enrollPreview: true,
  syncNow: true,
  syncStatus: true,
  returnBill: true,
  voidBill: true,
  showBill: true,
  printReceipt: true,
  findBills: true,
  holdCart: true,
  heldCarts: true,
  recallCart: true,
  billSettings: true,
  updateBillSettings: true,
  openShift: true,
  currentShift: true,
  closeShift: true,
  createTransfer: true,
  dispatchTransfer: true,
  receiveTransfer: true,
  listTransfers: true,
  showTransfer: true,
  transferStores: true,
  createPurchaseOrder: true,
  listPurchaseOrders: true,
  purchaseOrder: true,
  cancelPurchaseOrder: true,
  receiveGoods: true,
  reorderSuggestions: true,
  addCustomer: true,
  updateCustomer: true,
  findCustomers: true,
  showCustomer: true,
  receivePayment: true,
  adjustBalance: true,
  receivables: true,
  printStatement: true,
} as const satisfies Record<RemoteOperation, true>;

export const remoteOperations = Object.keys(operationFlags) as RemoteOperation[];

export function isRemoteOperation(name: string): name is RemoteOperation {
  return Object.hasOwn(operationFlags, name);
}

/** One IPC channel per operation. */
export function ipcChannel(op: RemoteOperation): string {
  return `bazaar:${op}`;
}

/** One HTTP route per operation on the bridge. */
export function bridgePath(op: RemoteOperation): string {
  return `/api/${op}`;
}
