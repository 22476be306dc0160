import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from '../data-table';
import { Dialog } from '../dialog';
import { FilterPanel } from '../filter-panel';
import { useI18n } from '../../i18n/i18n-context';

interface ListPageProps<T> {
  filters: { label: string; active: number; children: ReactNode };
  table: Omit<DataTableProps<T>, 'toolbar'>;
  /** The "New …" button; left out for people who may not create. */
  create?: { label: string; onClick(): void } | false;
  /** The create/edit dialog, when the list has one. */
  dialog?: { title: string; open: boolean; onClose(): void; body: ReactNode };
  children?: ReactNode;
}

/** A list page: filters over a paged table (with its empty, error and load-more states), a "New" button and the edit dialog. */
export function ListPage<T>({ filters, table, create, dialog, children }: ListPageProps<T>) {
  const { t } = useI18n();
  // "Nothing matches these filters" only when there are filters to blame.
  const empty = table.empty ?? (filters.active > 0 ? t('web.table.noMatch') : t('web.table.empty'));
  return (
    <div className="page">
      <FilterPanel label={filters.label} active={filters.active}>
        {filters.children}
      </FilterPanel>
      <DataTable
        {...table}
        empty={empty}
        toolbar={
          create && (
            <button type="button" className="btn btn-primary" onClick={create.onClick}>
              {create.label}
            </button>
          )
        }
      />
      {dialog && (
        <Dialog title={dialog.title} open={dialog.open} onClose={dialog.onClose} wide>
          {dialog.open && dialog.body}
        </Dialog>
      )}
      {children}
    </div>
  );
}
