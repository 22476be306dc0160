import type { Discount } from '@bazaar/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { discountText, parseDiscount } from './discount';

/** Type a discount for a line or the whole bill: "10%" or an amount; empty removes it. */
export function DiscountDialog({ title, current, onApply, onClose }: { title: string; current: Discount | undefined; onApply: (d: Discount | undefined) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(discountText(current));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const r = parseDiscount(text);
    if ('error' in r) setError(t(r.error));
    else onApply(r.discount);
  };
  return (
    <Dialog
      title={title}
      open
      testId="discount"
      onClose={onClose}
      footer={
        <button className="btn btn-primary" onClick={apply}>
          {t('bills.discount.apply')} <kbd>Enter</kbd>
        </button>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <Field id="discount-text" label={t('bills.discount.label')} hint={t('bills.discount.hint')} error={error}>
          <input id="discount-text" className="input input-lg" autoFocus data-autofocus autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
