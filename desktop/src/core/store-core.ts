import { DomainError, type AuditEntry, type Bill, type ShiftReport, type Supplier } from '@bazaar/shared';
import type { z } from 'zod';
import { listAudit, appendAudit } from './audit/audit.log';
import * as billsApi from './bills/bills.api';
import * as purchasesApi from './purchases/purchases.api';
import { cancelOrder, createPurchaseOrder, listOrders, orderView } from './purchases/purchases.orders';
import { receiveGoods } from './purchases/purchases.receive';
import { reorderSuggestions } from './purchases/purchases.reorder';
import { holdCart, heldCarts, recallCart } from './bills/bills.hold';
import { findBills, type BillSummary } from './bills/bills.repository';
import { returnBill } from './bills/bills.return';
import { updateBillSettings } from './bills/bills.settings';
import { printReceipt, type PrintedReceipt } from './bills/receipt.print';
import { billSettingsView, billView } from './bills/bills.view';
import { voidBill } from './bills/bills.void';
import { closeShift, currentShift, openShift } from './bills/shifts.service';
import { verifyAuditChain, type AuditVerifyResult } from './audit/audit.verify';
import { DeviceClock, systemClockSource, type ClockSource } from './clock/device-clock';
import * as api from './core.api';
import { scanCode } from './products/products.scan';
import { requireActor, type CoreContext } from './core.context';
import type { StoreDb } from './db/db.types';
import { IdleCheckpoint, idleTimer, type IdleTrigger } from './db/idle-checkpoint';
import { openStoreDb } from './db/open-db';
import { writeTx } from './db/write-tx';
import { history } from './movements/movements.history';
import * as movements from './movements/movements.service';
import { removeExpired } from './movements/movements.expired';
import { importProducts } from './products/products.import';
import { categories, searchProducts } from './products/products.repository';
import * as products from './products/products.service';
import { findSettings, getSyncState, requireSettings } from './settings/settings.repository';
import { listStock } from './stock/stock.view';
import { enroll, tryHub } from './sync/sync.enroll';
import { enrollPreview, type EnrollPriceChange } from './sync/sync.enroll-preview';
import { initStoreRow, JOINING_STORE } from './settings/store-init';
import { startSetupOver } from './settings/store-restart';
import { runSync, SyncLoop, type SyncLoopOptions } from './sync/sync.client';
import { syncStatus } from './sync/sync.status';
import { activeUserCount, checkPin, createLocalUser, listUsers, setUserBigText } from './users/users.service';
import type Database from 'better-sqlite3';
import type { TransferStore } from '@bazaar/shared';
import * as transfersApi from './transfers/transfers.api';
import * as creditApi from './credit/credit.api';
import * as credit from './credit/credit.service';
import { printStatement } from './credit/statement.print';
import { createTransfer, dispatchTransfer, listTransfers, receiveTransfer, showTransfer } from './transfers/transfers.service';

/** Validate an operation's input at the boundary; every problem is named by its field. */
function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, where: fieldName(i.path) }));
  throw new DomainError('VALIDATION_FAILED', issues.map((i) => (i.where ? `${i.where}: ${i.message}` : i.message)).join('; '), { issues: issues.map(({ path, message }) => ({ path, message })) });
}

/** A field as people count: lines.1.qty → "line 2 qty" (the details keep zod's path). */
function fieldName(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  for (const [k, seg] of path.entries()) {
    const next = path[k + 1];
    if (seg === 'lines' && typeof next === 'number') continue;
    words.push(typeof seg === 'number' ? `${path[k - 1] === 'lines' ? 'line' : 'item'} ${seg + 1}` : String(seg));
  }
  return words.join(' ');
}

/**
 * The store's local engine: one SQLite file, every operation one transaction with its
 * audit row. The Electron main process, the HTTP bridge and the CLI all drive this class.
 */
export class StoreCore implements api.CoreApi, billsApi.BillsApi, purchasesApi.PurchasesApi, transfersApi.TransfersApi, creditApi.CreditApi {
  private session: api.SessionUser | null = null;
  private clock: DeviceClock | null = null;
  private loop: SyncLoop | null = null;
  private readonly checkpoint: IdleCheckpoint;

  private constructor(
    readonly path: string,
    private readonly db: StoreDb,
    private readonly raw: Database.Database,
    idle: IdleTrigger,
    private readonly clockSource: ClockSource = systemClockSource,
  ) {
    this.checkpoint = new IdleCheckpoint(db, raw, idle);
  }

  /**
   * `idleCheckpointMs`: how long after the last sale or sync the WAL is copied into the file;
   * `idleTrigger` replaces that timer (tests decide when the counter is idle).
   */
  static async open(path: string, opts: { idleCheckpointMs?: number; idleTrigger?: IdleTrigger; clock?: ClockSource } = {}): Promise<StoreCore> {
    const { db, raw } = await openStoreDb(path);
    return new StoreCore(path, db, raw, opts.idleTrigger ?? idleTimer(opts.idleCheckpointMs ?? 2000), opts.clock);
  }

  /** A fresh context per call: settings may have been changed by another process on the same file. */
  private async ctx(): Promise<CoreContext> {
    const settings = await requireSettings(this.db);
    if (!this.clock) {
      const state = await getSyncState(this.db);
      this.clock = new DeviceClock(settings.hlc_node, state.clock_offset_ms, this.clockSource);
    }
    return { db: this.db, raw: this.raw, clock: this.clock, settings, session: this.session };
  }

  async info(): Promise<api.StoreInfo> {
    const s = await findSettings(this.db);
    return {
      initialised: Boolean(s),
      storeId: s?.store_id ?? null,
      storeCode: s?.store_code ?? null,
      storeName: s?.store_name ?? null,
      deviceId: s?.device_id ?? null,
      hlcNode: s?.hlc_node ?? null,
      enrolled: Boolean(s?.hub_url),
      hubUrl: s?.hub_url ?? null,
      session: this.session,
      usersExist: (await activeUserCount(this.db)) > 0,
    };
  }

  async initStore(input: api.InitStoreInput): Promise<api.StoreInfo> {
    await initStoreRow(this.db, this.path, parse(api.initStoreInput, input));
    return this.info();
  }

  /** The first-run setup again, on a counter that joined a hub and recorded nothing yet (store-restart.ts). */
  async startSetupOver(): Promise<api.StoreInfo> {
    await startSetupOver(this.db);
    this.clock = null;
    this.session = null;
    return this.info();
  }

  async createUser(input: api.CreateUserInput): Promise<api.LocalUserView> {
    const i = parse(api.createUserInput, input);
    const ctx = await this.ctx();
    if (ctx.settings.hub_url) throw new DomainError('FORBIDDEN', 'this store is enrolled: add staff on the hub, the next sync brings them here with their PINs');
    const first = (await activeUserCount(this.db)) === 0;
    if (first && i.role === 'staff') throw new DomainError('BAD_REQUEST', 'the first user must be a manager or admin (someone has to be able to manage the store)');
    const actor = await requireActor(ctx, 'manager');
    return writeTx(this.db, async (db) => {
      const u = await createLocalUser(db, i, new Date(ctx.clock.nowMs()).toISOString());
      await appendAudit(db, { actor, action: 'user.create', entity: 'user', entityId: u.id, storeId: ctx.settings.store_id, before: null, after: { username: u.username, name: u.name, role: u.role }, at: new Date(ctx.clock.nowMs()) });
      return u;
    });
  }

  async listUsers(): Promise<api.LocalUserView[]> {
    return listUsers(this.db);
  }

  async signIn(input: api.SignInInput): Promise<api.SessionUser> {
    const i = parse(api.signInInput, input);
    const u = await checkPin(this.db, i.username, i.pin, this.clockSource.raw());
    this.session = { id: u.id, username: u.username, name: u.name, role: u.role, bigText: u.bigText };
    return this.session;
  }

  /** Big text on or off for whoever is signed in; kept for them on this counter. */
  async setBigText(input: api.SetBigTextInput): Promise<api.SessionUser> {
    const i = parse(api.setBigTextInput, input);
    const ctx = await this.ctx();
    const actor = await requireActor(ctx);
    if (!this.session || !actor.userId) throw new DomainError('UNAUTHENTICATED', 'sign in first: big text is kept for the person signed in');
    const userId = actor.userId;
    const u = await writeTx(this.db, async (db) => {
      const before = this.session?.bigText ?? false;
      const after = await setUserBigText(db, userId, i.on);
      await appendAudit(db, { actor, action: 'user.big-text', entity: 'user', entityId: userId, storeId: ctx.settings.store_id, before: { bigText: before }, after: { bigText: after.bigText }, at: new Date(ctx.clock.nowMs()) });
      return after;
    });
    this.session = { ...this.session, bigText: u.bigText };
    return this.session;
  }

  async signOut(): Promise<void> {
    this.session = null;
  }

  async addSupplier(input: api.AddSupplierInput): Promise<Supplier> {
    return products.addSupplier(await this.ctx(), parse(api.addSupplierInput, input));
  }

  async listSuppliers(): Promise<Supplier[]> {
    const rows = await this.db.selectFrom('suppliers').selectAll().orderBy('name').execute();
    return rows.map(products.toSupplier);
  }

  async addProduct(input: api.AddProductInput): Promise<api.ProductView> {
    return products.addProduct(await this.ctx(), parse(api.addProductInput, input));
  }

  async updateProduct(input: api.UpdateProductInput): Promise<api.ProductView> {
    return products.updateProduct(await this.ctx(), parse(api.updateProductInput, input));
  }

  async archiveProduct(input: api.ArchiveProductInput): Promise<api.ProductView> {
    return products.archiveProduct(await this.ctx(), parse(api.archiveProductInput, input));
  }

  async importProducts(input: api.ImportProductsInput, hooks?: api.CoreHooks): Promise<api.ImportResult> {
    return importProducts(await this.ctx(), parse(api.importProductsInput, input).csv, hooks);
  }

  async findProduct(input: api.FindProductInput): Promise<api.ProductView> {
    const i = parse(api.findProductInput, input);
    return products.productView(this.db, await products.requireProduct(this.db, i.code));
  }

  async scanCode(input: api.ScanCodeInput): Promise<api.ScanView> {
    const i = parse(api.scanCodeInput, input);
    await this.ctx();
    return scanCode(this.db, this.raw, i.code);
  }

  async searchProducts(input: api.SearchProductsInput): Promise<api.ProductView[]> {
    const i = parse(api.searchProductsInput, input);
    const rows = await searchProducts(this.db, i.query, i.limit, i.includeArchived);
    return Promise.all(rows.map((r) => products.productView(this.db, r)));
  }

  async listCategories(): Promise<string[]> {
    return categories(this.db);
  }

  async sell(input: api.SellInput): Promise<api.SaleResult> {
    const i = parse(api.sellInput, input);
    // No settings read out here: the sale reads what it needs inside its own transaction.
    const clock = this.clock ?? (await this.ctx()).clock;
    const sale = await movements.sell({ db: this.db, raw: this.raw, clock, session: this.session }, i);
    this.checkpoint.touch();
    return sale;
  }

  async returnBill(input: billsApi.ReturnBillInput): Promise<Bill> {
    const bill = await returnBill(await this.ctx(), parse(billsApi.returnBillInput, input));
    this.checkpoint.touch();
    return bill;
  }

  async voidBill(input: billsApi.VoidBillInput): Promise<Bill> {
    return voidBill(await this.ctx(), parse(billsApi.voidBillInput, input));
  }

  async showBill(input: billsApi.ShowBillInput): Promise<billsApi.BillView> {
    const i = parse(billsApi.showBillInput, input);
    await this.ctx();
    return billView(this.raw, i.bill, i.width);
  }

  /** Print or reprint a bill's receipt on the counter's network printer (raw ESC/POS). */
  async printReceipt(input: billsApi.PrintReceiptInput): Promise<PrintedReceipt> {
    const i = parse(billsApi.printReceiptInput, input);
    await this.ctx();
    return printReceipt(this.raw, i);
  }

  async findBills(input: billsApi.FindBillsInput): Promise<BillSummary[]> {
    return findBills(this.db, parse(billsApi.findBillsInput, input));
  }

  async holdCart(input: billsApi.HoldCartInput): Promise<billsApi.HeldCartView> {
    return holdCart(await this.ctx(), parse(billsApi.holdCartInput, input));
  }

  async heldCarts(): Promise<billsApi.HeldCartView[]> {
    return heldCarts(await this.ctx());
  }

  async recallCart(input: { id: string }): Promise<billsApi.HeldCartView> {
    return recallCart(await this.ctx(), parse(billsApi.heldCartRef, input).id);
  }

  async billSettings(): Promise<billsApi.BillSettingsView> {
    await this.ctx();
    return billSettingsView(this.raw);
  }

  /** The counter's bill rules (managers): counter code, cash step, payment methods, discount limit, receipt header. */
  async updateBillSettings(input: billsApi.BillSettingsInput): Promise<billsApi.BillSettingsView> {
    const i = parse(billsApi.billSettingsInput, input);
    const ctx = await this.ctx();
    const actor = await requireActor(ctx, 'manager');
    const before = billSettingsView(this.raw);
    await writeTx(this.db, async (db) => {
      await updateBillSettings(db, i);
      await appendAudit(db, { actor, action: 'bill.settings', entity: 'store', entityId: ctx.settings.store_id, storeId: ctx.settings.store_id, before, after: i, at: new Date(ctx.clock.nowMs()) });
    });
    return billSettingsView(this.raw);
  }

  async openShift(input: billsApi.OpenShiftInput): Promise<ShiftReport> {
    return openShift(await this.ctx(), parse(billsApi.openShiftInput, input));
  }

  async currentShift(): Promise<ShiftReport | null> {
    return currentShift(await this.ctx());
  }

  async closeShift(input: billsApi.CloseShiftInput): Promise<ShiftReport> {
    return closeShift(await this.ctx(), parse(billsApi.closeShiftInput, input));
  }

  async createPurchaseOrder(input: purchasesApi.CreatePurchaseOrderInput): Promise<purchasesApi.PurchaseOrderView> {
    return createPurchaseOrder(await this.ctx(), parse(purchasesApi.createPurchaseOrderInput, input));
  }

  async listPurchaseOrders(input?: purchasesApi.ListPurchaseOrdersInput): Promise<purchasesApi.PurchaseOrderView[]> {
    await this.ctx();
    return listOrders(this.db, parse(purchasesApi.listPurchaseOrdersInput, input));
  }

  async purchaseOrder(input: purchasesApi.PurchaseOrderRef): Promise<purchasesApi.PurchaseOrderView> {
    await this.ctx();
    return orderView(this.db, parse(purchasesApi.purchaseOrderRef, input).po);
  }

  async cancelPurchaseOrder(input: purchasesApi.PurchaseOrderRef): Promise<purchasesApi.PurchaseOrderView> {
    return cancelOrder(await this.ctx(), parse(purchasesApi.purchaseOrderRef, input).po);
  }

  /** A supplier's delivery from its bill, against an order or without one: stock in, one transaction. */
  async receiveGoods(input: purchasesApi.ReceiveGoodsInput): Promise<purchasesApi.GoodsReceiptView> {
    const out = await receiveGoods(await this.ctx(), parse(purchasesApi.receiveGoodsInput, input));
    this.checkpoint.touch();
    return out;
  }

  async reorderSuggestions(input?: purchasesApi.ReorderInput): Promise<purchasesApi.ReorderRow[]> {
    return reorderSuggestions(await this.ctx(), parse(purchasesApi.reorderInput, input));
  }

  /** A transfer made at this (sending) counter: a draft to dispatch. */
  async createTransfer(input: transfersApi.CreateTransferInput): Promise<transfersApi.TransferCounterView> {
    return createTransfer(await this.ctx(), parse(transfersApi.createTransferInput, input));
  }

  async dispatchTransfer(input: transfersApi.DispatchTransferInput): Promise<transfersApi.TransferCounterView> {
    const out = await dispatchTransfer(await this.ctx(), parse(transfersApi.dispatchTransferInput, input));
    this.checkpoint.touch();
    return out;
  }

  async receiveTransfer(input: transfersApi.ReceiveTransferInput): Promise<transfersApi.TransferCounterView> {
    const out = await receiveTransfer(await this.ctx(), parse(transfersApi.receiveTransferInput, input));
    this.checkpoint.touch();
    return out;
  }

  async listTransfers(input?: transfersApi.ListTransfersInput): Promise<transfersApi.TransferCounterView[]> {
    return listTransfers(await this.ctx(), parse(transfersApi.listTransfersInput, input));
  }

  async showTransfer(input: { transfer: string }): Promise<transfersApi.TransferCounterView> {
    return showTransfer(await this.ctx(), parse(transfersApi.showTransferInput, input).transfer);
  }

  async transferStores(): Promise<TransferStore[]> {
    return this.db.selectFrom('transfer_stores').select(['id', 'code', 'name']).orderBy('code').execute();
  }

  /** A customer of this store who may buy on credit (issue 20). */
  async addCustomer(input: creditApi.AddCustomerInput): Promise<creditApi.CustomerView> {
    return credit.addCustomer(await this.ctx(), parse(creditApi.addCustomerInput, input));
  }

  async updateCustomer(input: creditApi.UpdateCustomerInput): Promise<creditApi.CustomerView> {
    return credit.updateCustomer(await this.ctx(), parse(creditApi.updateCustomerInput, input));
  }

  async findCustomers(input?: creditApi.FindCustomersInput): Promise<creditApi.CustomerView[]> {
    return credit.findCustomers(await this.ctx(), parse(creditApi.findCustomersInput, input));
  }

  async showCustomer(input: creditApi.ShowCustomerInput): Promise<creditApi.CustomerStatementView> {
    return credit.showCustomer(await this.ctx(), parse(creditApi.showCustomerInput, input));
  }

  async receivePayment(input: creditApi.ReceivePaymentInput): Promise<creditApi.LedgerEntryResult> {
    const out = await credit.receivePayment(await this.ctx(), parse(creditApi.receivePaymentInput, input));
    this.checkpoint.touch();
    return out;
  }

  async adjustBalance(input: creditApi.AdjustBalanceInput): Promise<creditApi.LedgerEntryResult> {
    return credit.adjustBalance(await this.ctx(), parse(creditApi.adjustBalanceInput, input));
  }

  async receivables(input?: creditApi.OverdueInput): Promise<creditApi.CustomerView[]> {
    return credit.receivables(await this.ctx(), parse(creditApi.overdueInput, input));
  }

  /** A customer's statement on the counter's network printer (raw ESC/POS). */
  async printStatement(input: creditApi.PrintStatementInput): Promise<creditApi.PrintedStatement> {
    return printStatement(await this.ctx(), parse(creditApi.printStatementInput, input));
  }

  async stockIn(input: api.StockInInput): Promise<api.SingleMovementResult> {
    return movements.stockIn(await this.ctx(), parse(api.stockInInput, input));
  }

  async remove(input: api.RemoveInput): Promise<api.SingleMovementResult> {
    return movements.remove(await this.ctx(), parse(api.removeInput, input));
  }

  async removeExpired(input: api.RemoveExpiredInput = {}): Promise<api.RemoveExpiredResult> {
    return removeExpired(await this.ctx(), parse(api.removeExpiredInput, input));
  }

  async count(input: api.CountInput): Promise<api.CountResult> {
    return movements.count(await this.ctx(), parse(api.countInput, input));
  }

  async adjust(input: api.AdjustInput): Promise<api.SingleMovementResult> {
    return movements.adjust(await this.ctx(), parse(api.adjustInput, input));
  }

  async listStock(input: api.ListStockInput): Promise<api.StockListResult> {
    await this.ctx();
    return listStock(this.db, parse(api.listStockInput, input));
  }

  async history(input: api.HistoryInput): Promise<{ items: api.MovementView[]; nextCursor: string | null }> {
    return history(this.db, parse(api.historyInput, input));
  }

  async auditLog(input: api.AuditLogInput): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const i = parse(api.auditLogInput, input);
    const page = await listAudit(this.db, { action: i.action, entityId: i.entityId, limit: i.limit, beforePos: i.cursor ? Number(i.cursor) : undefined });
    return { items: page.items.map(({ pos: _pos, ...e }) => e), nextCursor: page.nextCursor };
  }

  /** The routine check starts where the last one ended; `full` walks from the genesis. Never blocks a sale for long. */
  async verifyAudit(input?: api.VerifyAuditInput, hooks?: { onProgress?: (checked: number, total: number) => void }): Promise<AuditVerifyResult> {
    const i = parse(api.verifyAuditInput, input);
    return verifyAuditChain(this.raw, { full: i.full, onProgress: hooks?.onProgress });
  }

  async enroll(input: api.EnrollInput): Promise<api.SyncStatusView> {
    const i = parse(api.enrollInput, input);
    // A counter without a store joins the hub: the token is tried before anything is created,
    // so a wrong one leaves the first-run setup as it was.
    const tried = (await findSettings(this.db)) ? undefined : await tryHub(i.hubUrl, i.token, () => this.clockSource.raw());
    if (tried) await this.initStore(JOINING_STORE);
    const ctx = await this.ctx();
    await enroll(ctx, i.hubUrl, i.token, i.force, tried);
    return syncStatus(this.db, ctx.settings);
  }

  /** What enrolling with this token would change (head office's prices over this counter's), read before anything is saved. */
  async enrollPreview(input: api.EnrollInput): Promise<{ priceChanges: EnrollPriceChange[] }> {
    const i = parse(api.enrollInput, input);
    return enrollPreview(this.db, i.hubUrl, i.token, () => this.clockSource.raw());
  }

  async syncNow(hooks?: { onProgress?: (p: api.SyncProgress) => void }): Promise<api.SyncRunResult> {
    try {
      return await runSync(await this.ctx(), hooks?.onProgress);
    } finally {
      this.checkpoint.touch();
    }
  }

  async syncStatus(): Promise<api.SyncStatusView> {
    return syncStatus(this.db, await findSettings(this.db));
  }

  /** Keep syncing in the background (the counter app); state is in SQLite, so a restart continues. */
  startSyncLoop(opts: SyncLoopOptions = {}): void {
    this.loop ??= new SyncLoop(
      (hooks) => this.syncNow(hooks),
      async () => {
        const s = await this.syncStatus();
        return !s.enrolled || s.halted !== null;
      },
      opts,
    );
    this.loop.start();
  }

  triggerSync(): void {
    this.loop?.trigger();
  }

  async close(): Promise<void> {
    await this.loop?.stop();
    this.loop = null;
    await this.checkpoint.stop();
    await this.db.destroy();
  }

  /** For tests and tools: the underlying connection (e.g. to tamper with a row on purpose). */
  get connection(): Database.Database {
    return this.raw;
  }
}
