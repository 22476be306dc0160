import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Product } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
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

export function ProductsPage() {
  const user = useUser();
  const i18n = useI18n();
  const { t } = i18n;
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
    { id: 'name', wrap: true, header: t('common.name'), cell: (p) => <bdi><strong>{p.name}</strong></bdi>, sort: (p) => p.name, csv: (p) => p.name },
    {
      id: 'sku',
      header: t('productSettings.sku'),
      cell: (p) => (
        <span className="mono">
          {p.sku}
          {p.barcode && <span className="cell-sub">{p.barcode}</span>}
        </span>
      ),
      sort: (p) => p.sku,
      csv: (p) => p.sku,
    },
    { id: 'barcode', header: t('productSettings.barcode'), hidden: true, cell: (p) => p.barcode, csv: (p) => p.barcode },
    { id: 'category', header: t('common.category'), cell: (p) => p.category ?? '—', sort: (p) => p.category, csv: (p) => p.category },
    { id: 'supplier', header: t('common.supplier'), minor: true, cell: (p) => <SupplierName id={p.supplierId} />, csv: (p) => cachedName(qc, 'supplier', p.supplierId) },
    { id: 'unit', header: t('web.products.unit'), hidden: true, cell: (p) => p.unit, csv: (p) => p.unit },
    {
      id: 'price',
      header: t('common.price'),
      align: 'right',
      cell: (p) => (
        <span>
          {i18n.money(p.pricePaise)}
          <small className="muted"> {t(`unit.per.${p.unit}`)}</small>
        </span>
      ),
      sort: (p) => p.pricePaise,
      csv: (p) => (p.pricePaise / 100).toFixed(2),
    },
    { id: 'cost', header: t('common.cost'), align: 'right', minor: true, cell: (p) => i18n.money(p.costPaise), sort: (p) => p.costPaise, csv: (p) => (p.costPaise / 100).toFixed(2) },
    { id: 'reorder', header: t('web.stock.reorder'), align: 'right', minor: true, cell: (p) => i18n.qty(p.reorderLevel, p.unit), csv: (p) => p.reorderLevel },
    // Only archived rows need a state badge; the default list holds active products only.
    {
      id: 'state',
      header: t('web.products.state'),
      hidden: !archived,
      cell: (p) => (p.archived ? <Tag tone="neutral">{t('web.products.archived')}</Tag> : <Tag tone="good">{t('web.products.active')}</Tag>),
      // i18n-ignore: CSV keeps the raw state
      csv: (p) => (p.archived ? 'archived' : 'active'),
    },
  ];
  if (canEdit)
    columns.push({
      id: 'act',
      header: '',
      cell: (p) => (
        <span className="row-actions">
          <button type="button" className="btn btn-sm" onClick={(e) => { e.stopPropagation(); setEditing(p); }}>
            {t('web.products.edit')}
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
      <FilterPanel label={t('web.products.filters')} active={activeFilters}>
        <Field label={t('common.search')}>{(id) => <input id={id} type="search" placeholder={t('stockScreen.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <Field label={t('common.category')}>{(id) => <input id={id} placeholder={t('web.stock.anyCategory')} value={category} onChange={(e) => setCategory(e.target.value)} />}</Field>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> {t('web.products.showArchived')}
        </label>
      </FilterPanel>
      <DataTable
        caption={t('web.products.catalog')}
        columns={columns}
        list={list}
        rowKey={(p) => p.id}
        onRowClick={(p) => setDrill(p.id)}
        csv={{ filename: 'products' }}
        toolbar={
          canEdit && (
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              {t('web.products.new')}
            </button>
          )
        }
        testId="products-table"
      />
      <Dialog title={editing === 'new' ? t('web.products.new') : t('web.products.editTitle')} open={!!editing} onClose={() => setEditing(null)} wide>
        {editing && <ProductForm product={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Dialog>
      <ProductDrilldown productId={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
