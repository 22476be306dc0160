/**
 * The actions the hub writes to its audit log, for the activity page's action list and its words
 * (`audit.action.<action>` in the catalogs). An action not listed here still shows, as its code.
 */
export const auditActions = [
  'movement.create',
  'sync.push',
  'conflict.open',
  'conflict.resolve',
  'product.create',
  'product.update',
  'product.archive',
  'product.delete',
  'store.create',
  'store.update',
  'store.archive',
  'store.delete',
  'supplier.create',
  'supplier.update',
  'supplier.archive',
  'supplier.delete',
  'user.create',
  'user.update',
  'user.role_change',
  'user.password_change',
  'user.delete',
  'device.enroll',
  'device.revoke',
  'auth.register',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'audit.anchor',
  'dev.generate_dummy_data',
  'purchase_order.create',
  'supplier.terms',
  'product.order_pack',
  'hub.settings_update',
] as const;
export type AuditAction = (typeof auditActions)[number];

export function isKnownAuditAction(action: string): action is AuditAction {
  return (auditActions as readonly string[]).includes(action);
}
