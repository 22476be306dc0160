import type { ReactNode } from 'react';

interface KpiCardProps {
  id: string;
  label: string;
  value: string;
  sub?: ReactNode;
  tone?: 'ok' | 'low' | 'out' | 'info';
  onClick?: () => void;
  /** A long figure (money): shrinks to fit its card instead of overflowing, the whole value in its title. */
  fit?: boolean;
}

export function KpiCard({ id, label, value, sub, tone = 'ok', onClick, fit = false }: KpiCardProps) {
  const body = (
    <>
      <span className="kpi-label">{label}</span>
      <span className={fit ? 'kpi-value kpi-fit' : 'kpi-value'} title={value}>
        {value}
      </span>
      {sub && <span className="kpi-sub">{sub}</span>}
    </>
  );
  const cls = `kpi kpi-${tone}`;
  return onClick ? (
    <button type="button" className={cls} onClick={onClick} data-testid={`kpi-${id}`}>
      {body}
    </button>
  ) : (
    <div className={cls} data-testid={`kpi-${id}`}>
      {body}
    </div>
  );
}
