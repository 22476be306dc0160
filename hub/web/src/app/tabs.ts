import type { Permission } from '../auth/permissions';

export interface Tab {
  path: string;
  label: string;
  icon: string;
  /** Hidden unless the user holds this permission. */
  needs?: Permission;
}

export const tabs: Tab[] = [
  { path: '/overview', label: 'Overview', icon: '◧' },
  { path: '/stock', label: 'Stock', icon: '▦' },
  { path: '/movements', label: 'Movements', icon: '⇄' },
  { path: '/products', label: 'Products', icon: '▤' },
  { path: '/stores', label: 'Stores', icon: '⌂', needs: 'viewStores' },
  { path: '/suppliers', label: 'Suppliers', icon: '⚑', needs: 'viewSuppliers' },
  { path: '/logs', label: 'Activity logs', icon: '☰', needs: 'viewAudit' },
  { path: '/conflicts', label: 'Conflicts', icon: '⚠', needs: 'viewConflicts' },
  { path: '/devices', label: 'Devices', icon: '⌨', needs: 'manageDevices' },
  { path: '/users', label: 'Users', icon: '☺', needs: 'manageUsers' },
  { path: '/settings', label: 'Settings', icon: '⚙', needs: 'settings' },
];
