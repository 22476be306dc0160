/**
 * Who may call each hub route, declared once: the generated authorization test
 * (authz.generated.test.ts) walks the app's route table and fails on any route missing here,
 * on any 2xx the policy refuses, and on any store-B data in an answer to someone of store A.
 *
 * - public: anyone, token or not (sign-in, health, the API document)
 * - user: any signed-in person; `scoped` routes act on store B (path or body) and are for
 *   people who see B only
 * - manager: admins and managers (scoped: of B)
 * - admin: admins only
 * - device: a counter's token (its own store; people are refused)
 * - principal: anyone signed in, person or counter (hub-wide settings both read)
 */
export type Access = 'public' | 'user' | 'manager' | 'admin' | 'device' | 'principal';

export interface RoutePolicy {
  access: Access;
  /** The call targets store B (a path id of B's, or storeId B in the body). */
  scoped?: boolean;
}

export const ROUTE_POLICY: Readonly<Record<string, RoutePolicy>> = {
  'GET /api/v1/health': { access: 'public' },
  'GET /api/v1/openapi.json': { access: 'public' },
  'POST /api/v1/auth/register': { access: 'public' },
  'POST /api/v1/auth/login': { access: 'public' },
  'GET /api/v1/auth/setup': { access: 'public' },
  'POST /api/v1/auth/password': { access: 'user' },
  'POST /api/v1/auth/logout': { access: 'user' },
  'GET /api/v1/auth/me': { access: 'user' },
  'GET /api/v1/events': { access: 'user' },
  'GET /api/v1/metrics': { access: 'admin' },
  'GET /api/v1/settings': { access: 'principal' },
  'PATCH /api/v1/settings': { access: 'admin' },
  'GET /api/v1/credit-settings': { access: 'manager' },
  'PUT /api/v1/credit-settings': { access: 'admin' },

  'GET /api/v1/users': { access: 'manager' },
  'POST /api/v1/users': { access: 'manager', scoped: true },
  'GET /api/v1/users/:id': { access: 'manager', scoped: true },
  'PATCH /api/v1/users/:id': { access: 'manager', scoped: true },
  'DELETE /api/v1/users/:id': { access: 'manager', scoped: true },

  'GET /api/v1/stores': { access: 'user' },
  'POST /api/v1/stores': { access: 'admin' },
  'GET /api/v1/stores/:id': { access: 'user', scoped: true },
  'GET /api/v1/stores/:id/archive-preview': { access: 'admin' },
  'PUT /api/v1/stores/:id': { access: 'admin' },
  'PATCH /api/v1/stores/:id': { access: 'admin' },
  'DELETE /api/v1/stores/:id': { access: 'admin' },

  'GET /api/v1/suppliers': { access: 'user' },
  'POST /api/v1/suppliers': { access: 'admin' },
  'GET /api/v1/suppliers/:id': { access: 'user' },
  'PUT /api/v1/suppliers/:id': { access: 'admin' },
  'PATCH /api/v1/suppliers/:id': { access: 'admin' },
  'DELETE /api/v1/suppliers/:id': { access: 'admin' },

  'GET /api/v1/products': { access: 'user' },
  'POST /api/v1/products': { access: 'admin' },
  'GET /api/v1/products/:id': { access: 'user' },
  'PUT /api/v1/products/:id': { access: 'admin' },
  'PATCH /api/v1/products/:id': { access: 'admin' },
  'DELETE /api/v1/products/:id': { access: 'admin' },

  'GET /api/v1/stocks': { access: 'user' },
  'GET /api/v1/stocks/counts': { access: 'user' },
  'GET /api/v1/stocks/summary': { access: 'user' },
  'POST /api/v1/stock-movements': { access: 'user', scoped: true },
  'GET /api/v1/stock-movements': { access: 'user' },
  'GET /api/v1/stock-movements/:id': { access: 'user', scoped: true },

  'GET /api/v1/logs': { access: 'manager' },
  'GET /api/v1/logs/verify': { access: 'admin' },
  'POST /api/v1/logs/verify/runs': { access: 'admin' },
  'GET /api/v1/logs/verify/runs/:id': { access: 'admin' },

  'GET /api/v1/reports/low-stock': { access: 'manager' },
  'GET /api/v1/reports/out-of-stock': { access: 'manager' },
  'GET /api/v1/reports/never-stocked': { access: 'manager' },
  'GET /api/v1/reports/sales': { access: 'manager' },
  'GET /api/v1/reports/valuation': { access: 'manager' },
  'GET /api/v1/reports/expiry': { access: 'manager' },
  'GET /api/v1/reports/margins': { access: 'manager' },
  'GET /api/v1/reports/stock-value': { access: 'manager' },
  'GET /api/v1/reports/dead-stock': { access: 'manager' },
  'GET /api/v1/reports/shrinkage': { access: 'manager' },
  'GET /api/v1/reports/alerts': { access: 'manager' },
  'GET /api/v1/reports/store-rankings': { access: 'manager' },
  'GET /api/v1/reports/counts': { access: 'user' },
  'GET /api/v1/reports/regions': { access: 'user' },
  'GET /api/v1/reports/cities': { access: 'user' },
  'GET /api/v1/reports/categories': { access: 'user' },
  'GET /api/v1/reports/trends': { access: 'manager' },
  'GET /api/v1/reports/product-regions': { access: 'manager' },
  'GET /api/v1/names': { access: 'user' },

  'GET /api/v1/reports/bills': { access: 'manager' },

  'GET /api/v1/bills': { access: 'manager' },
  'GET /api/v1/bills/:id': { access: 'manager', scoped: true },
  'GET /api/v1/shifts': { access: 'manager' },
  'GET /api/v1/shifts/:id': { access: 'manager', scoped: true },

  'GET /api/v1/purchase-orders': { access: 'manager' },
  'POST /api/v1/purchase-orders': { access: 'manager', scoped: true },
  'POST /api/v1/purchase-orders/from-suggestions': { access: 'manager', scoped: true },
  'GET /api/v1/purchase-orders/:id': { access: 'manager', scoped: true },
  'GET /api/v1/goods-receipts': { access: 'manager' },
  'GET /api/v1/reports/reorder': { access: 'manager' },
  'GET /api/v1/reports/supplier-purchases': { access: 'manager' },
  'PUT /api/v1/purchase-terms/suppliers/:id': { access: 'admin' },
  'PUT /api/v1/purchase-terms/products/:id': { access: 'admin' },
  'GET /api/v1/sync/purchases': { access: 'device' },
  'GET /api/v1/sync/customers': { access: 'device' },
  'GET /api/v1/sync/bills': { access: 'device' },
  'GET /api/v1/customers': { access: 'manager' },
  'GET /api/v1/customers/:id': { access: 'manager', scoped: true },
  'GET /api/v1/reports/receivables': { access: 'manager' },
  'POST /api/v1/transfers': { access: 'manager', scoped: true },
  'GET /api/v1/transfers': { access: 'manager' },
  'GET /api/v1/transfers/:id': { access: 'manager', scoped: true },
  'GET /api/v1/reports/in-transit': { access: 'manager' },
  'GET /api/v1/sync/transfers': { access: 'device' },

  'POST /api/v1/sync/push': { access: 'device' },
  'GET /api/v1/sync/pull': { access: 'device' },
  'GET /api/v1/sync/time': { access: 'device' },

  'POST /api/v1/devices': { access: 'manager', scoped: true },
  'GET /api/v1/devices': { access: 'user' },
  'GET /api/v1/devices/:id': { access: 'user', scoped: true },
  'DELETE /api/v1/devices/:id': { access: 'manager', scoped: true },

  'GET /api/v1/conflicts': { access: 'user' },
  'GET /api/v1/conflicts/groups': { access: 'user' },
  'POST /api/v1/conflicts/bulk-resolve': { access: 'manager', scoped: true },
  'GET /api/v1/conflicts/:id': { access: 'user', scoped: true },
  'POST /api/v1/conflicts/:id/resolve': { access: 'manager', scoped: true },

  'GET /api/v1/alerts': { access: 'user' },
  'POST /api/v1/alerts/:id/acknowledge': { access: 'user', scoped: true },
  'GET /api/v1/alerts/webhooks/:storeId': { access: 'manager', scoped: true },
  'PUT /api/v1/alerts/webhooks/:storeId': { access: 'manager', scoped: true },
  'DELETE /api/v1/alerts/webhooks/:storeId': { access: 'manager', scoped: true },

  // Exports are their requester's (here an admin's): nobody else's to read.
  'GET /api/v1/exports': { access: 'user' },
  'POST /api/v1/exports': { access: 'manager', scoped: true },
  'GET /api/v1/exports/:id': { access: 'admin' },
  'GET /api/v1/exports/:id/download': { access: 'admin' },
  // Saved views are their owner's: anyone signed in keeps their own (scheduling one needs a manager).
  'GET /api/v1/saved-views': { access: 'user' },
  'POST /api/v1/saved-views': { access: 'user' },
  'PATCH /api/v1/saved-views/:id': { access: 'user' },
  'DELETE /api/v1/saved-views/:id': { access: 'user' },

  'POST /api/v1/dev/generate-dummy-data': { access: 'admin' },
  'GET /api/v1/dev/generate-dummy-data': { access: 'admin' },
  'GET /api/v1/dev/generate-dummy-data/:id': { access: 'admin' },
};

/** The principals every route is called as. */
export const PRINCIPALS = ['anonymous', 'malformed', 'loggedOut', 'deactivated', 'staffA', 'managerA', 'managerAB', 'admin', 'deviceA', 'revokedDevice'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** Principals the hub must not recognise at all: 401 on every route that is not public. */
export const UNRECOGNISED: ReadonlySet<PrincipalName> = new Set(['anonymous', 'malformed', 'loggedOut', 'deactivated', 'revokedDevice']);

/** Principals that see store A only: nothing of store B may appear in what they get. */
export const STORE_A_ONLY: ReadonlySet<PrincipalName> = new Set(['staffA', 'managerA', 'deviceA']);

/** Whether the policy lets this principal have a 2xx on this route. */
export function allows(policy: RoutePolicy, who: PrincipalName): boolean {
  if (policy.access === 'public') return true;
  if (UNRECOGNISED.has(who)) return false;
  if (policy.access === 'principal') return true;
  if (policy.access === 'device') return who === 'deviceA';
  if (who === 'deviceA') return false;
  const seesB = who === 'admin' || who === 'managerAB';
  const role = who === 'admin' ? 'admin' : who === 'staffA' ? 'staff' : 'manager';
  const roleOk = policy.access === 'user' || (policy.access === 'manager' && role !== 'staff') || (policy.access === 'admin' && role === 'admin');
  return roleOk && (!policy.scoped || seesB);
}
