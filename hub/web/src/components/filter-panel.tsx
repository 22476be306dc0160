import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** Filters in a grid; on a phone they fold behind one button so the table stays in view. */
export function FilterPanel({ label, active, children }: { label: string; active: number; children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className={`filter-panel${open ? ' open' : ''}`}>
      <button type="button" className="btn filter-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? t('web.filters.hide') : t('web.filters.show')}
        {active > 0 && <span className="count-pill">{active}</span>}
      </button>
      <section className="filters" aria-label={label}>
        {children}
      </section>
    </div>
  );
}

/** How many filters are set (the default "hide archived" is not counted). */
export function countActive(query: Record<string, unknown>): number {
  return Object.entries(query).filter(([k, v]) => v !== undefined && v !== null && v !== '' && !(k === 'archived' && v === 'false')).length;
}
