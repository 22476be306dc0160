import type { ReactNode } from 'react';
import { Tag } from '../badges';
import type { Column } from '../data-table';
import { Field } from '../field';
import { SuggestInput } from '../suggest-input';
import { insightsApi } from '../../api/reports.api';
import { useI18n } from '../../i18n/i18n-context';
import type { Translator } from '@bazaar/shared';

/** The search box of a list's filters. */
export function SearchFilter({ placeholder, value, onChange }: { placeholder: string; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return <Field label={t('common.search')}>{(id) => <input id={id} type="search" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />}</Field>;
}

/** A filter by one of the hub's own values ("Region", "Category"), suggested as the person types; matched case-insensitively. */
export function SuggestFilter({ label, kind, placeholder, value, onChange }: { label: string; kind: 'region' | 'category'; placeholder: string; value: string; onChange(value: string): void }) {
  const suggest = kind === 'region' ? insightsApi.regions : insightsApi.categories;
  return <Field label={label}>{(id) => <SuggestInput id={id} kind={kind} placeholder={placeholder} value={value} onChange={onChange} suggest={suggest} />}</Field>;
}

/** Archived rows are hidden unless asked for. */
export function ArchivedToggle({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const { t } = useI18n();
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {t('web.products.showArchived')}
    </label>
  );
}

/** Only archived rows need a state badge; the default list holds active rows only. */
export function stateColumn<T extends { archived: boolean }>(t: Translator['t'], shown: boolean): Column<T> {
  return {
    id: 'state',
    header: t('web.products.state'),
    hidden: !shown,
    cell: (row) => (row.archived ? <Tag tone="neutral">{t('web.products.archived')}</Tag> : <Tag tone="good">{t('web.products.active')}</Tag>),
    csv: (row) => t(row.archived ? 'web.products.archived' : 'web.products.active'),
  };
}

/** Edit (and whatever else a row offers, e.g. archive) at the end of the row. */
export function actionsColumn<T>(t: Translator['t'], edit: (row: T) => void, more?: (row: T) => ReactNode): Column<T> {
  return {
    id: 'act',
    header: '',
    cell: (row) => (
      <span className="row-actions">
        <button type="button" className="btn btn-sm" onClick={(e) => { e.stopPropagation(); edit(row); }}>
          {t('web.products.edit')}
        </button>
        {more?.(row)}
      </span>
    ),
  };
}
