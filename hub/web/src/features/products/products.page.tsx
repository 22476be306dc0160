import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Product } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
import { productsApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import type { Column } from '../../components/data-table';
import { qtyColumn, unitColumn } from '../../components/qty-columns';
import { ArchivedToggle, SearchFilter, stateColumn, SuggestFilter } from '../../components/list-page/catalog-parts';
import { ListPage } from '../../components/list-page/list-page';
import { useEditor } from '../../components/list-page/use-editor';
import { useFilteredList } from '../../components/list-page/use-list';
import { editArchiveColumn } from '../shared/edit-archive-column';
import { cachedName, SupplierName } from '../shared/lookups';
import { ProductDrilldown } from '../stock/product-drilldown';
import { ProductForm } from './product-form';

export function ProductsPage() {
  const user = useUser();
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const canEdit = allowed(user, 'editCatalog');
  const editor = useEditor<Product>();
  const [drill, setDrill] = useState<string | null>(null);
  const f = useFilteredList('products', { q: '', category: '' }, productsApi.list, { archivable: true });

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
    // CSV: the unit prices are per (kg, L or pc); the reorder level is in the same unit.
    unitColumn<Product>(i18n, (p) => p.unit),
    {
      id: 'price',
      header: t('common.price'),
      align: 'right',
      cell: (p) => (
        <span>
          {i18n.money(p.priceMinor)}
          <small className="muted"> {t(`unit.per.${p.unit}`)}</small>
        </span>
      ),
      sort: (p) => p.priceMinor,
      csvMoney: (p) => p.priceMinor,
    },
    { id: 'cost', header: t('common.cost'), align: 'right', minor: true, cell: (p) => i18n.money(p.costMinor), sort: (p) => p.costMinor, csvMoney: (p) => p.costMinor },
    qtyColumn<Product>(i18n, { id: 'reorder', header: t('web.stock.reorder'), minor: true, qty: (p) => p.reorderLevel, unit: (p) => p.unit }),
    stateColumn(t, f.archived),
  ];
  if (canEdit) columns.push(editArchiveColumn(t, editor.edit, productsApi, 'products'));

  return (
    <ListPage
      filters={{
        label: t('web.products.filters'),
        active: f.active,
        children: (
          <>
            <SearchFilter placeholder={t('stockScreen.searchPlaceholder')} value={f.text.q} onChange={f.set('q')} />
            <SuggestFilter label={t('common.category')} kind="category" placeholder={t('web.stock.anyCategory')} value={f.text.category} onChange={f.set('category')} />
            <ArchivedToggle checked={f.archived} onChange={f.setArchived} />
          </>
        ),
      }}
      table={{
        caption: t('web.products.catalog'),
        columns,
        list: f.list,
        rowKey: (p) => p.id,
        onRowClick: (p) => setDrill(p.id),
        csv: { filename: 'products' },
        testId: 'products-table',
      }}
      create={canEdit && { label: t('web.products.new'), onClick: editor.create }}
      dialog={{
        title: editor.isNew ? t('web.products.new') : t('web.products.editTitle'),
        open: editor.open,
        onClose: editor.close,
        body: <ProductForm product={editor.item} onDone={editor.close} />,
      }}
    >
      <ProductDrilldown productId={drill} onClose={() => setDrill(null)} />
    </ListPage>
  );
}
