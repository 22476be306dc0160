import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, type CounterIpcApi, type RemoteOperation } from '../bridge/api-operations';

// Sandboxed preload: only `electron` may be required at run time; the imports above are a
// type and a pure string function that the bundler inlines.
const invoke = (op: RemoteOperation, input?: unknown) => ipcRenderer.invoke(ipcChannel(op), input);

const api = {
  info: () => invoke('info'),
  initStore: (input) => invoke('initStore', input),
  createUser: (input) => invoke('createUser', input),
  listUsers: () => invoke('listUsers'),
  signIn: (input) => invoke('signIn', input),
  signOut: () => invoke('signOut'),
  addSupplier: (input) => invoke('addSupplier', input),
  listSuppliers: () => invoke('listSuppliers'),
  addProduct: (input) => invoke('addProduct', input),
  updateProduct: (input) => invoke('updateProduct', input),
  archiveProduct: (input) => invoke('archiveProduct', input),
  importProducts: (input) => invoke('importProducts', input),
  findProduct: (input) => invoke('findProduct', input),
  scanCode: (input) => invoke('scanCode', input),
  searchProducts: (input) => invoke('searchProducts', input),
  listCategories: () => invoke('listCategories'),
  sell: (input) => invoke('sell', input),
  stockIn: (input) => invoke('stockIn', input),
  remove: (input) => invoke('remove', input),
  count: (input) => invoke('count', input),
  adjust: (input) => invoke('adjust', input),
  listStock: (input) => invoke('listStock', input),
  history: (input) => invoke('history', input),
  auditLog: (input) => invoke('auditLog', input),
  verifyAudit: (input) => invoke('verifyAudit', input),
  enroll: (input) => invoke('enroll', input),
  syncNow: () => invoke('syncNow'),
  syncStatus: () => invoke('syncStatus'),
  returnBill: (input) => invoke('returnBill', input),
  voidBill: (input) => invoke('voidBill', input),
  showBill: (input) => invoke('showBill', input),
  findBills: (input) => invoke('findBills', input),
  holdCart: (input) => invoke('holdCart', input),
  heldCarts: () => invoke('heldCarts'),
  recallCart: (input) => invoke('recallCart', input),
  billSettings: () => invoke('billSettings'),
  updateBillSettings: (input) => invoke('updateBillSettings', input),
  openShift: (input) => invoke('openShift', input),
  currentShift: () => invoke('currentShift'),
  closeShift: (input) => invoke('closeShift', input),
} satisfies CounterIpcApi;

contextBridge.exposeInMainWorld('bazaar', api);
