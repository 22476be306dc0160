import type { Role, User } from '@bazaar/shared';

/**
 * What each role may do, mirrored from DESIGN §6 so the UI only offers actions the hub will accept.
 * The hub enforces these; this only hides what would be refused.
 */
const can = {
  editCatalog: ['admin'],
  editStores: ['admin'],
  viewStores: ['admin', 'manager'],
  viewSuppliers: ['admin', 'manager'],
  postMovements: ['admin', 'manager', 'staff'],
  viewAudit: ['admin', 'manager'],
  /** The hash-chain check reads every store's chain: the hub allows it to admins only. */
  verifyAudit: ['admin'],
  resolveConflicts: ['admin', 'manager'],
  viewConflicts: ['admin', 'manager'],
  manageDevices: ['admin', 'manager'],
  manageUsers: ['admin', 'manager'],
  viewReports: ['admin', 'manager'],
  viewBills: ['admin', 'manager'],
  /** Transfers and purchases of their stores (the hub refuses staff and counters on these routes). */
  viewStockFlows: ['admin', 'manager'],
  settings: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof can;

export function allowed(user: User | null, permission: Permission): boolean {
  return !!user && (can[permission] as readonly Role[]).includes(user.role);
}

/** Admins see every store; everyone else only their assigned stores. */
export function seesAllStores(user: User | null): boolean {
  return user?.role === 'admin';
}
