import type { StockStatus } from '@bazaar/shared';
import { useI18n } from '../i18n/i18n-context';

export function StatusBadge({ status }: { status: StockStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(status === 'out' ? 'web.stock.out' : `stock.${status}`)}</span>;
}

export function Tag({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'info' }) {
  return <span className={`badge badge-tone-${tone}`}>{children}</span>;
}
