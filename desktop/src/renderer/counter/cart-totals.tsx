import type { BillMoney } from '@bazaar/shared';
import { useI18n } from '../i18n/i18n-context';

/** Subtotal, discounts and rounding above the total, once there is something to show. */
export function CartTotals({ money }: { money: BillMoney }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (money.discountMinor === 0 && money.roundingMinor === 0) return null;
  return (
    <dl className="cart-totals" data-testid="cart-totals">
      <dt>{t('bills.totals.subtotal')}</dt>
      <dd>
        <bdi>{i18n.money(money.subtotalMinor)}</bdi>
      </dd>
      {money.discountMinor > 0 && (
        <>
          <dt>{t('bills.totals.discount')}</dt>
          <dd>
            <bdi>{i18n.money(-money.discountMinor)}</bdi>
          </dd>
        </>
      )}
      {money.roundingMinor !== 0 && (
        <>
          <dt>{t('bills.totals.rounding')}</dt>
          <dd>
            <bdi>{i18n.money(money.roundingMinor)}</bdi>
          </dd>
        </>
      )}
    </dl>
  );
}
