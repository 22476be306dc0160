import { z } from 'zod';
import {
  addProductInput,
  addSupplierInput,
  adjustInput,
  archiveProductInput,
  auditLogInput,
  countInput,
  createUserInput,
  enrollInput,
  findProductInput,
  scanCodeInput,
  historyInput,
  importProductsInput,
  initStoreInput,
  listStockInput,
  removeInput,
  removeExpiredInput,
  searchProductsInput,
  setBigTextInput,
  sellInput,
  signInInput,
  stockInInput,
  updateProductInput,
  verifyAuditInput,
} from '../core/core.api';
import {
  billSettingsInput,
  closeShiftInput,
  findBillsInput,
  heldCartRef,
  holdCartInput,
  openShiftInput,
  returnBillInput,
  showBillInput,
  printReceiptInput,
  voidBillInput,
} from '../core/bills/bills.api';
import type { CounterCoreApi } from '../core/counter.api';
import { addCustomerInput, adjustBalanceInput, findCustomersInput, overdueInput, printStatementInput, receivePaymentInput, showCustomerInput, updateCustomerInput } from '../core/credit/credit.api';
import { createPurchaseOrderInput, listPurchaseOrdersInput, purchaseOrderRef, receiveGoodsInput, reorderInput } from '../core/purchases/purchases.api';
import { createTransferInput, dispatchTransferInput, listTransfersInput, receiveTransferInput, showTransferInput } from '../core/transfers/transfers.api';
import type { RemoteOperation } from './api-operations';
import { toApiFailure, type ApiResult } from './api-result';

/** Operations that add to the movement log: the host nudges the sync loop after each. */
export const writesMovements: ReadonlySet<RemoteOperation> = new Set([
  'sell',
  'stockIn',
  'remove',
  'removeExpired',
  'count',
  'adjust',
  'returnBill',
  'voidBill',
  'dispatchTransfer',
  'receiveTransfer',
  'receiveGoods',
  // An order moves no stock, but it rides the next push to reach head office.
  'createPurchaseOrder',
  'cancelPurchaseOrder',
  // Ledger entries and new customers ride the next push (issue 20).
  'addCustomer',
  'updateCustomer',
  'receivePayment',
  'adjustBalance',
]);

/** An input the core lets a caller leave out: over the wire it arrives as null, read as no options. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => v ?? {}, schema);

/** The core's zod schema of each operation's input; null for operations without input. */
export const inputSchemas = {
  info: null,
  initStore: initStoreInput,
  startSetupOver: null,
  createUser: createUserInput,
  listUsers: null,
  signIn: signInInput,
  signOut: null,
  setBigText: setBigTextInput,
  addSupplier: addSupplierInput,
  listSuppliers: null,
  addProduct: addProductInput,
  updateProduct: updateProductInput,
  archiveProduct: archiveProductInput,
  importProducts: importProductsInput,
  findProduct: findProductInput,
  scanCode: scanCodeInput,
  searchProducts: searchProductsInput,
  listCategories: null,
  sell: sellInput,
  stockIn: stockInInput,
  remove: removeInput,
  removeExpired: optional(removeExpiredInput),
  count: countInput,
  adjust: adjustInput,
  listStock: listStockInput,
  history: historyInput,
  auditLog: auditLogInput,
  verifyAudit: verifyAuditInput,
  enroll: enrollInput,
  enrollPreview: enrollInput,
  syncNow: null,
  syncStatus: null,
  returnBill: returnBillInput,
  voidBill: voidBillInput,
  showBill: showBillInput,
  printReceipt: printReceiptInput,
  findBills: findBillsInput,
  holdCart: holdCartInput,
  heldCarts: null,
  recallCart: heldCartRef,
  billSettings: null,
  updateBillSettings: billSettingsInput,
  openShift: openShiftInput,
  currentShift: null,
  closeShift: closeShiftInput,
  createTransfer: createTransferInput,
  dispatchTransfer: dispatchTransferInput,
  receiveTransfer: receiveTransferInput,
  listTransfers: optional(listTransfersInput),
  showTransfer: showTransferInput,
  transferStores: null,
  createPurchaseOrder: createPurchaseOrderInput,
  listPurchaseOrders: optional(listPurchaseOrdersInput),
  purchaseOrder: purchaseOrderRef,
  cancelPurchaseOrder: purchaseOrderRef,
  receiveGoods: receiveGoodsInput,
  reorderSuggestions: optional(reorderInput),
  addCustomer: addCustomerInput,
  updateCustomer: updateCustomerInput,
  findCustomers: optional(findCustomersInput),
  showCustomer: showCustomerInput,
  receivePayment: receivePaymentInput,
  adjustBalance: adjustBalanceInput,
  receivables: optional(overdueInput),
  printStatement: printStatementInput,
} as const satisfies Record<RemoteOperation, z.ZodType | null>;

/**
 * Validate one untrusted input with the core's schema and run the operation. Both
 * transports end here, so validation cannot differ between Electron and browser mode.
 */
export async function dispatch(
  core: CounterCoreApi,
  op: RemoteOperation,
  rawInput: unknown,
  onUnexpected: (op: RemoteOperation, err: unknown) => void = () => undefined,
): Promise<ApiResult<unknown>> {
  try {
    const schema: z.ZodType | null = inputSchemas[op];
    if (schema === null) {
      const call = core[op] as () => Promise<unknown>;
      return { ok: true, value: await call.call(core) };
    }
    const input = schema.parse(rawInput);
    const call = core[op] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await call.call(core, input) };
  } catch (err) {
    const failure = toApiFailure(err);
    // Inputs are not logged: they can hold PINs and device tokens.
    if (failure.code === 'INTERNAL') onUnexpected(op, err);
    return { ok: false, error: failure };
  }
}
