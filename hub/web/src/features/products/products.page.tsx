import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { formatMoney, formatQuantity, type Product } from '@bazaar/shared';
import { productsApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { usePagedList } from '../../components/use-paged-list';
import { useDebounced } from '../../components/use-debounced';
import { ArchiveButton } from '../shared/archive-button';
import { cachedName, SupplierName } from '../shared/lookups';
import { ProductDrilldown } from '../stock/product-drilldown';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { ProductForm } from './product-form';

const perUnit = { pc: '/pc', g: '/kg', ml: '/L' } as const;

export function ProductsPage() {
  const user = useUser();
  const qc = useQueryClient();
  const canEdit = allowed(user, 'editCatalog');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const query = { q: useDebounced(q.trim()), category: useDebounced(category.trim()), archived: archived ? undefined : 'false' };
  const activeFilters = countActive(query);
  const list = usePagedList(['products', 'list', query], (cursor, limit = 50) => productsApi.list({ ...query, cursor, limit }));

  const columns: Column<Product>[] = [
    { id: 'name', wrap: true, header: 'Name', cell: (p) => <strong>{p.name}</strong>, sort: (p) => p.name, csv: (p) => p.name },
    {
      id: 'sku',
      header: 'SKU',
      cell: (p) => (
        <span className="mono">
          {p.sku}
          {p.barcode && <span className="cell-sub">{p.barcode}</span>}
        </span>
      ),
      sort: (p) => p.sku,
      csv: (p) => p.sku,
    },
    { id: 'barcode', header: 'Barcode', hidden: true, cell: (p) => p.barcode, csv: (p) => p.barcode },
    { id: 'category', header: 'Category', cell: (p) => p.category ?? '—', sort: (p) => p.category, csv: (p) => p.category },
    { id: 'supplier', header: 'Supplier', minor: true, cell: (p) => <SupplierName id={p.supplierId} />, csv: (p) => cachedName(qc, 'supplier', p.supplierId) },
    { id: 'unit', header: 'Unit', hidden: true, cell: (p) => p.unit, csv: (p) => p.unit },
    {
      id: 'price',
      header: 'Price',
      align: 'right',
      cell: (p) => (
        <span>
          {formatMoney(p.pricePaise)}
          <small className="muted">{perUnit[p.unit]}</small>
        </span>
      ),
      sort: (p) => p.pricePaise,
      csv: (p) => (p.pricePaise / 100).toFixed(2),
    },
    { id: 'cost', header: 'Cost', align: 'right', minor: true, cell: (p) => formatMoney(p.costPaise), sort: (p) => p.costPaise, csv: (p) => (p.costPaise / 100).toFixed(2) },
    { id: 'reorder', header: 'Reorder', align: 'right', minor: true, cell: (p) => formatQuantity(p.reorderLevel, p.unit), csv: (p) => p.reorderLevel },
    // Only archived rows need a state badge; the default list holds active products only.
    { id: 'state', header: 'State', hidden: !archived, cell: (p) => (p.archived ? <Tag tone="neutral">archived</Tag> : <Tag tone="good">active</Tag>), csv: (p) => (p.archived ? 'archived' : 'active') },
  ];
  if (canEdit)
    columns.push({
      id: 'act',
      header: '',
      cell: (p) => (
        <span className="row-actions">
          <button type="button" className="btn btn-sm" onClick={(e) => { e.stopPropagation(); setEditing(p); }}>
            Edit
          </button>
          <ArchiveButton
            archived={p.archived}
            name={p.name}
            archive={() => productsApi.archive(p.id)}
            restore={() => productsApi.update(p.id, { archived: false })}
            invalidate="products"
          />
        </span>
      ),
    });

  return (
    <div className="page">
      <FilterPanel label="Product filters" active={activeFilters}>
        <Field label="Search">{(id) => <input id={id} type="search" placeholder="Name, SKU or barcode" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label="Category">{(id) => <input id={id} placeholder="Any category" value={category} onChange={(e) => setCategory(e.target.value)} />}</Field>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Show archived
        </label>
      </FilterPanel>
      <DataTable
        caption="Catalog"
        columns={columns}
        list={list}
        rowKey={(p) => p.id}
        onRowClick={(p) => setDrill(p.id)}
        csv={{ filename: 'products' }}
        toolbar={
          canEdit && (
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              New product
            </button>
          )
        }
        testId="products-table"
      />
      <Dialog title={editing === 'new' ? 'New product' : 'Edit product'} open={!!editing} onClose={() => setEditing(null)} wide>
        {editing && <ProductForm product={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
      <ProductDrilldown productId={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
