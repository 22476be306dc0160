import { removalReasons, type RemovalReason } from '@bazaar/shared';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { useI18n } from '../i18n/i18n-context';
import { MovementScreen, type Problems } from './movement.screen';

export function RemoveScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const reasonWord = (r: RemovalReason) => t(`remove.reason.${r}`);
  const [reason, setReason] = useState<RemovalReason | null>(null);

  return (
    <MovementScreen
      name="remove"
      kind="REMOVE"
      title={t('remove.title')}
      intro={t('remove.intro')}
      qtyLabel={t('remove.qty')}
      noteHint={t('remove.noteHint')}
      submitLabel={t('remove.record')}
      recentTitle={t('remove.recent')}
      pickProduct={t('remove.pickProduct')}
      danger
      check={(note) => {
        const problems: Problems = {};
        if (!reason) problems.reason = t('remove.pickReason');
        if (reason === 'other' && !note.trim()) problems.note = t('remove.sayWhat');
        return problems;
      }}
      record={async ({ product, qty, note }) => {
        // check() has made sure a reason is chosen.
        const why = reason ?? 'other';
        const r = await api.remove({ product: product.id, qty, reason: why, note });
        return t('remove.done', { qty: i18n.qty(qty, product.unit), name: product.name, reason: reasonWord(why).toLocaleLowerCase(i18n.locale), left: i18n.qty(r.stockAfter, product.unit) });
      }}
      onRecorded={() => setReason(null)}
      before={(errors) => (
        <div className="field">
          <span className="field-label">{t('common.reason')}</span>
          <div className="segmented" role="group" aria-label={t('common.reason')}>
            {removalReasons.map((r) => (
              <button key={r} type="button" aria-pressed={reason === r} onClick={() => setReason(r)}>
                {reasonWord(r)}
              </button>
            ))}
          </div>
          {errors.reason && <span className="field-error">{errors.reason}</span>}
        </div>
      )}
    />
  );
}
