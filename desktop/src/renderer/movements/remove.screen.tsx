import { removalReasons, type RemovalReason } from '@bazaar/shared';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../api/api-context';
import { useI18n } from '../i18n/i18n-context';
import { MovementScreen, type Problems } from './movement.screen';

const ARROW_STEPS: Partial<Record<string, 1 | -1>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function RemoveScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const reasonWord = (r: RemovalReason) => t(`remove.reason.${r}`);
  // Damaged is chosen from the start and the last reason stays chosen: Enter after the
  // quantity records it, and removing a row of expired packets is one reason for them all.
  const [reason, setReason] = useState<RemovalReason>(removalReasons[0]);
  const group = useRef<HTMLDivElement>(null);
  // One Tab stop for the reasons (just before the quantity); the arrows move between them.
  const arrows = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = ARROW_STEPS[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const dir = getComputedStyle(e.currentTarget).direction === 'rtl' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') ? -step : step;
    const next = removalReasons[(removalReasons.indexOf(reason) + dir + removalReasons.length) % removalReasons.length] ?? reason;
    setReason(next);
    window.setTimeout(() => group.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus(), 0);
  };

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
        if (reason === 'other' && !note.trim()) problems.note = t('remove.sayWhat');
        return problems;
      }}
      record={async ({ product, qty, note }) => {
        const why = reason;
        const r = await api.remove({ product: product.id, qty, reason: why, note });
        return t('remove.done', { qty: i18n.qty(qty, product.unit), name: product.name, reason: reasonWord(why).toLocaleLowerCase(i18n.locale), left: i18n.qty(r.stockAfter, product.unit) });
      }}
      before={(errors) => (
        <div className="field">
          <span className="field-label">{t('common.reason')}</span>
          <div ref={group} className="segmented" role="radiogroup" aria-label={t('common.reason')} onKeyDown={arrows}>
            {removalReasons.map((r) => (
              <button key={r} type="button" role="radio" aria-checked={reason === r} tabIndex={reason === r ? 0 : -1} onClick={() => setReason(r)}>
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
