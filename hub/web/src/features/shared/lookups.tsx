import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Product, Store, Supplier, User } from '@bazaar/shared';
import { productsApi, storesApi, suppliersApi, usersApi } from '../../api/endpoints';
import type { PickOption, PickResult } from '../../components/entity-picker';
import { loadName, type Named, type NameKind } from './name-batch';

/**
 * Whole entities, one at a time (a form or a drill-down header); a list's names come from the
 * batched lookup below. Both cached for minutes.
 */
const LONG = 5 * 60_000;

export function useStore(id: string | null | undefined) {
  return useQuery({ queryKey: ['store', id], queryFn: () => storesApi.get(id as string), enabled: !!id, staleTime: LONG });
}
export function useProduct(id: string | null | undefined) {
  return useQuery({ queryKey: ['product', id], queryFn: () => productsApi.get(id as string), enabled: !!id, staleTime: LONG });
}
export function useSupplier(id: string | null | undefined) {
  return useQuery({ queryKey: ['supplier', id], queryFn: () => suppliersApi.get(id as string), enabled: !!id, staleTime: LONG });
}
export function useUserById(id: string | null | undefined) {
  return useQuery({ queryKey: ['user', id], queryFn: () => usersApi.get(id as string), enabled: !!id, staleTime: LONG, retry: false });
}

/** A name from the batched lookup (GET /names): every name a page shows, in one request. */
export function useName(kind: NameKind, id: string | null | undefined) {
  return useQuery({ queryKey: ['name', kind, id], queryFn: () => loadName(kind, id as string), enabled: !!id, staleTime: LONG, retry: false });
}

/** A product's unit from the same batched lookup (a list's quantities need it, not the whole product). */
export function useProductUnit(id: string | null | undefined) {
  return useName('product', id).data?.unit;
}

function NameOf({ kind, id, showSub = false }: { kind: NameKind; id: string | null | undefined; showSub?: boolean }) {
  const q = useName(kind, id);
  if (!id) return <span className="muted">—</span>;
  if (!q.data) return <span title={id}>{q.isLoading ? '…' : short(id)}</span>;
  return (
    <span title={q.data.sub}>
      {q.data.name}
      {showSub && q.data.sub && <small className="muted sku"> {q.data.sub}</small>}
    </span>
  );
}

export const StoreName = ({ id }: { id: string | null | undefined }) => <NameOf kind="store" id={id} />;
export const ProductName = ({ id }: { id: string | null | undefined }) => <NameOf kind="product" id={id} showSub />;
export const SupplierName = ({ id }: { id: string | null | undefined }) => <NameOf kind="supplier" id={id} />;
export const UserName = ({ id }: { id: string | null | undefined }) => <NameOf kind="user" id={id} />;
export const DeviceName = ({ id }: { id: string | null | undefined }) => <NameOf kind="device" id={id} />;

function short(id: string): string {
  return id.slice(0, 8);
}

/** The cached name for CSV export (falls back to the id when it was never shown). */
export function cachedName(qc: QueryClient, kind: NameKind, id: string | null): string {
  if (!id) return '';
  const named = qc.getQueryData<Named | null>(['name', kind, id]);
  if (named) return named.name;
  const hit = qc.getQueryData<Store | Product | Supplier | User>([kind, id]);
  return hit && 'name' in hit ? hit.name : id;
}
export { useQueryClient };

/** A product's unit from the batched lookup's cache (for CSV, written outside React). */
export function cachedUnit(qc: QueryClient, productId: string | null): Named['unit'] {
  return productId ? qc.getQueryData<Named | null>(['name', 'product', productId])?.unit : undefined;
}

export const storeOption = (s: Store): PickOption => ({ id: s.id, label: s.name, sub: [s.code, s.location, s.region].filter(Boolean).join(' · ') });
export const productOption = (p: Product): PickOption => ({ id: p.id, label: p.name, sub: `${p.sku} · ${p.unit}` });
export const supplierOption = (s: Supplier): PickOption => ({ id: s.id, label: s.name, sub: s.phone ?? undefined });

/** Stores by name, code, city or region, with how many more match than the 20 shown. */
export async function searchStores(q: string, region?: string): Promise<PickResult> {
  const page = await storesApi.list({ q: q || undefined, region, limit: 20, archived: 'false' });
  return { items: page.items.map(storeOption), total: page.total };
}
export async function searchProducts(q: string): Promise<PickOption[]> {
  const page = await productsApi.list({ q, limit: 20 });
  return page.items.map(productOption);
}
export async function searchSuppliers(q: string): Promise<PickOption[]> {
  const page = await suppliersApi.list({ q, limit: 20 });
  return page.items.map(supplierOption);
}
export async function searchUsers(q: string): Promise<PickOption[]> {
  const page = await usersApi.list({ q, limit: 20 });
  return page.items.map((u) => ({ id: u.id, label: u.name, sub: `${u.username} · ${u.role}` }));
}
