import { priceUnit } from '@bazaar/shared';
import { useEffect, useRef } from 'react';
import type { EnrollPriceChange } from '../../core/sync/sync.enroll-preview';
import { useI18n } from '../i18n/i18n-context';

/**
 * What enrolling would change, shown before anything is saved (issue 16): each product whose
 * price head office's catalog replaces, "SKU name: before → after" per pc, kg or L in the
 * shop's currency. Confirm has the focus, so Enter enrolls and Tab reaches Cancel.
 */
export function EnrollPreview({ changes, busy, onConfirm, onCancel }: { changes: EnrollPriceChange[]; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const price = (c: EnrollPriceChange, minor: number) => t('hubSettings.preview.price', { amount: i18n.money(minor), unit: priceUnit(c.unit) });
  return (
    <div className="notice notice-warn stack enroll-preview" role="alertdialog" aria-labelledby="enroll-preview-title" data-testid="enroll-preview">
      <strong id="enroll-preview-title">{t('hubSettings.preview.title')}</strong>
      <p className="no-margin">{t('hubSettings.preview.intro', { count: changes.length })}</p>
      <ul className="no-margin">
        {changes.map((c) => (
          <li key={c.sku}>
            {t('hubSettings.preview.line', { product: `${c.sku} ${c.name}`, before: price(c, c.beforeMinor), after: price(c, c.afterMinor) })}
          </li>
        ))}
      </ul>
      <div className="row">
        <button ref={confirm} type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>
          {t('hubSettings.preview.confirm')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('hubSettings.preview.cancel')}
        </button>
      </div>
    </div>
  );
}
