import type { CounterApi, RemoteOperation } from './api-operations';

/** Sends one operation over some transport and returns its (unwrapped) result. */
export type ApiCall = (op: RemoteOperation, input?: unknown) => Promise<unknown>;

/**
 * The single client shape both transports use: the preload binds it to IPC, browser mode
 * to fetch. Each entry is written out so the type check catches a drifted signature.
 */
export function createApiClient(call: ApiCall) {
  const c = <T>(op: RemoteOperation, input?: unknown) => call(op, input) as Promise<T>;
  return {
    info: () => c('info'),
    initStore: (input) => c('initStore', input),
    createUser: (input) => c('createUser', input),
    listUsers: () => c('listUsers'),
    signIn: (input) => c('signIn', input),
    signOut: () => c('signOut'),
    addSupplier: (input) => c('addSupplier', input),
    listSuppliers: () => c('listSuppliers'),
    addProduct: (input) => c('addProduct', input),
    updateProduct: (input) => c('updateProduct', input),
    archiveProduct: (input) => c('archiveProduct', input),
    importProducts: (input) => c('importProducts', input),
    findProduct: (input) => c('findProduct', input),
    scanCode: (input) => c('scanCode', input),
    searchProducts: (input) => c('searchProducts', input),
    listCategories: () => c('listCategories'),
    sell: (input) => c('sell', input),
    stockIn: (input) => c('stockIn', input),
    remove: (input) => c('remove', input),
    removeExpired: (input) => c('removeExpired', input),
    count: (input) => c('count', input),
    adjust: (input) => c('adjust', input),
    listStock: (input) => c('listStock', input),
    history: (input) => c('history', input),
    auditLog: (input) => c('auditLog', input),
    verifyAudit: (input) => c('verifyAudit', input),
    enroll: (input) => c('enroll', input),
    syncNow: () => c('syncNow'),
    syncStatus: () => c('syncStatus'),
    returnBill: (input) => c('returnBill', input),
    voidBill: (input) => c('voidBill', input),
    showBill: (input) => c('showBill', input),
    printReceipt: (input) => c('printReceipt', input),
    findBills: (input) => c('findBills', input),
    holdCart: (input) => c('holdCart', input),
    heldCarts: () => c('heldCarts'),
    recallCart: (input) => c('recallCart', input),
    billSettings: () => c('billSettings'),
    updateBillSettings: (input) => c('updateBillSettings', input),
    openShift: (input) => c('openShift', input),
    currentShift: () => c('currentShift'),
    closeShift: (input) => c('closeShift', input),
    createTransfer: (input) => c('createTransfer', input),
    dispatchTransfer: (input) => c('dispatchTransfer', input),
    receiveTransfer: (input) => c('receiveTransfer', input),
    listTransfers: (input) => c('listTransfers', input),
    showTransfer: (input) => c('showTransfer', input),
    transferStores: () => c('transferStores'),
    createPurchaseOrder: (input) => c('createPurchaseOrder', input),
    listPurchaseOrders: (input) => c('listPurchaseOrders', input),
    purchaseOrder: (input) => c('purchaseOrder', input),
    cancelPurchaseOrder: (input) => c('cancelPurchaseOrder', input),
    receiveGoods: (input) => c('receiveGoods', input),
    reorderSuggestions: (input) => c('reorderSuggestions', input),
  } satisfies CounterApi;
}
