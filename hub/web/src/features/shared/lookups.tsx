import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Product, Store, Supplier, User } from '@bazaar/shared';
import { productsApi, storesApi, suppliersApi, usersApi } from '../../api/endpoints';
import type { PickOption } from '../../components/entity-picker';

/**
 * Lists carry ids; names are resolved one entity at a time and cached for minutes, so a page of
 * 50 rows costs at most a few small requests and never a download of the whole catalog.
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

export function StoreName({ id }: { id: string | null | undefined }) {
  const q = useStore(id);
  if (!id) return <span className="muted">—</span>;
  return <span title={q.data?.code}>{q.data ? q.data.name : q.isError ? short(id) : '…'}</span>;
}
export function ProductName({ id }: { id: string | null | undefined }) {
  const q = useProduct(id);
  if (!id) return <span className="muted">—</span>;
  return (
    <span>
      {q.data ? q.data.name : q.isError ? short(id) : '…'}
      {q.data && <small className="muted sku"> {q.data.sku}</small>}
    </span>
  );
}
export function SupplierName({ id }: { id: string | null | undefined }) {
  const q = useSupplier(id);
  if (!id) return <span className="muted">—</span>;
  return <span>{q.data ? q.data.name : q.isError ? short(id) : '…'}</span>;
}
export function UserName({ id }: { id: string | null | undefined }) {
  const q = useUserById(id);
  if (!id) return <span className="muted">—</span>;
  return <span>{q.data ? q.data.name : short(id)}</span>;
}

function short(id: string): string {
  return id.slice(0, 8);
}

/** The cached name for CSV export (falls back to the id when it was never shown). */
export function cachedName(qc: QueryClient, kind: 'store' | 'product' | 'supplier' | 'user', id: string | null): string {
  if (!id) return '';
  const hit = qc.getQueryData<Store | Product | Supplier | User>([kind, id]);
  return hit && 'name' in hit ? hit.name : id;
}
export { useQueryClient };

export const storeOption = (s: Store): PickOption => ({ id: s.id, label: s.name, sub: [s.code, s.region].filter(Boolean).join(' · ') });
export const productOption = (p: Product): PickOption => ({ id: p.id, label: p.name, sub: `${p.sku} · ${p.unit}` });
export const supplierOption = (s: Supplier): PickOption => ({ id: s.id, label: s.name, sub: s.phone ?? undefined });

export async function searchStores(q: string, region?: string): Promise<PickOption[]> {
  const page = await storesApi.list({ q, region, limit: 20, archived: 'false' });
  return page.items.map(storeOption);
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
