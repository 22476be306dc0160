import { DomainError, type Role } from '@bazaar/shared';

export interface UserPrincipal {
  kind: 'user';
  id: string;
  username: string;
  name: string;
  role: Role;
  /** Stores the user is assigned to (admins see every store regardless). */
  storeIds: string[];
  tokenId: string;
}

export interface DevicePrincipal {
  kind: 'device';
  id: string;
  storeId: string;
  node: string;
}

export type Principal = UserPrincipal | DevicePrincipal;

/** Every store (null) or exactly these. */
export function visibleStoreIds(principal: Principal): string[] | null {
  if (principal.kind === 'device') return [principal.storeId];
  return principal.role === 'admin' ? null : principal.storeIds;
}

export function canSeeStore(principal: Principal, storeId: string): boolean {
  const visible = visibleStoreIds(principal);
  return visible === null || visible.includes(storeId);
}

/**
 * Throws unless the principal may act in storeId. Answers 404, not 403, so that a store's
 * existence is not revealed to people outside it.
 */
export function assertStoreAccess(principal: Principal, storeId: string, what = 'store'): void {
  if (!canSeeStore(principal, storeId)) throw new DomainError('NOT_FOUND', `${what} not found`);
}

/** For writes by role: the store must be visible and the role one of roles. */
export function assertStoreRole(principal: UserPrincipal, storeId: string, roles: readonly Role[]): void {
  assertStoreAccess(principal, storeId);
  if (!roles.includes(principal.role)) {
    throw new DomainError('FORBIDDEN', `this needs the role ${roles.join(' or ')}`);
  }
}
