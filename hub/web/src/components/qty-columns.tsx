import type { ReactNode } from 'react';
import type { BaseUnit, Translator } from '@bazaar/shared';
import type { Column } from './data-table';
import { csvQty, csvUnit, qtySortKey } from './csv';

interface QtyColumnOptions<T> {
  id: string;
  header: string;
  qty(row: T): number | null;
  unit(row: T): BaseUnit;
  /** What the cell shows (else the quantity in display units, "—" when there is none). */
  cell?: (row: T) => ReactNode;
  minor?: boolean;
}

/** A quantity column: shown in display units, sorted within its unit, exported in the unit prices are per (see `unitColumn`). */
export function qtyColumn<T>(t: Translator, o: QtyColumnOptions<T>): Column<T> {
  return {
    id: o.id,
    header: o.header,
    align: 'right',
    ...(o.minor ? { minor: true } : {}),
    cell: o.cell ?? ((r) => (o.qty(r) === null ? '—' : t.qty(o.qty(r)!, o.unit(r)))),
    sort: (r) => qtySortKey(o.qty(r), o.unit(r)),
    csv: (r) => csvQty(o.qty(r), o.unit(r)),
  };
}

/** The CSV's unit column (kg, L or pc) for a table's quantity columns; not shown on screen. */
export function unitColumn<T>(t: Translator, unit: (row: T) => BaseUnit): Column<T> {
  return { id: 'unit', header: t.t('web.products.unit'), hidden: true, cell: (r) => csvUnit(unit(r)), csv: (r) => csvUnit(unit(r)) };
}
