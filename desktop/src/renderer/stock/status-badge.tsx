import type { StockStatus } from '@bazaar/shared';
import { useI18n } from '../i18n/i18n-context';

export function StatusBadge({ status }: { status: StockStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`stock.${status}`)}</span>;
}
