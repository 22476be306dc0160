import type { ReactNode } from 'react';

interface KpiCardProps {
  id: string;
  label: string;
  value: string;
  sub?: ReactNode;
  tone?: 'ok' | 'low' | 'out' | 'info';
  onClick?: () => void;
}

export function KpiCard({ id, label, value, sub, tone = 'ok', onClick }: KpiCardProps) {
  const body = (
    <>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
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
