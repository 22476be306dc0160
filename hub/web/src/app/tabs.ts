import type { MessageKey } from '@bazaar/shared';
import type { Permission } from '../auth/permissions';

export interface Tab {
  path: string;
  label: MessageKey;
  icon: string;
  /** Hidden unless the user holds this permission. */
  needs?: Permission;
}

export const tabs: Tab[] = [
  { path: '/overview', label: 'web.tab.overview', icon: '◧' },
  { path: '/stock', label: 'web.tab.stock', icon: '▦' },
  { path: '/rankings', label: 'web.tab.rankings', icon: '≡', needs: 'viewReports' },
  { path: '/trends', label: 'web.tab.trends', icon: '↗', needs: 'viewReports' },
  { path: '/views', label: 'web.tab.views', icon: '☆', needs: 'viewReports' },
  { path: '/exports', label: 'web.tab.exports', icon: '⇩', needs: 'viewReports' },
  { path: '/movements', label: 'web.tab.movements', icon: '⇄' },
  { path: '/transfers', label: 'web.tab.transfers', icon: '⇆', needs: 'viewStockFlows' },
  { path: '/purchases', label: 'web.tab.purchases', icon: '⊞', needs: 'viewStockFlows' },
  { path: '/expiry', label: 'web.tab.expiry', icon: '⌛', needs: 'viewReports' },
  { path: '/margins', label: 'web.tab.margins', icon: '%', needs: 'viewReports' },
  { path: '/bills', label: 'web.tab.bills', icon: '▭', needs: 'viewBills' },
  { path: '/shifts', label: 'web.tab.shifts', icon: '◷', needs: 'viewBills' },
  { path: '/receivables', label: 'web.tab.receivables', icon: '¤', needs: 'viewReports' },
  { path: '/products', label: 'web.tab.products', icon: '▤' },
  { path: '/stores', label: 'web.tab.stores', icon: '⌂', needs: 'viewStores' },
  { path: '/suppliers', label: 'web.tab.suppliers', icon: '⚑', needs: 'viewSuppliers' },
  { path: '/logs', label: 'web.tab.logs', icon: '☰', needs: 'viewAudit' },
  { path: '/conflicts', label: 'web.tab.conflicts', icon: '⚠', needs: 'viewConflicts' },
  { path: '/devices', label: 'web.tab.devices', icon: '⌨', needs: 'manageDevices' },
  { path: '/users', label: 'web.tab.users', icon: '☺', needs: 'manageUsers' },
  { path: '/settings', label: 'web.tab.settings', icon: '⚙', needs: 'settings' },
];
