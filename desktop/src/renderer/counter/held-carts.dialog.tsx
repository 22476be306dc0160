import { useEffect, useRef, useState } from 'react';
import type { HeldCartView } from '../../core/bills/bills.api';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';
import { Notice } from '../ui/notice';
import { dateTime } from '../ui/format';

/** The carts put on hold (kept by the core, so they survive a restart); Enter brings one back. */
export function HeldCartsDialog({ onRecall, onClose }: { onRecall: (held: HeldCartView) => void; onClose: () => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const held = useQuery(() => api.heldCarts(), [api]);
  const [active, setActive] = useState(0);
  const items = held.data ?? [];
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => list.current?.focus(), [held.data]);
  const pick = (i: number) => {
    const h = items[i];
    if (h) onRecall(h);
  };
  return (
    <Dialog title={t('bills.hold.recallKey')} open testId="held-carts" onClose={onClose}>
      {held.error && <Notice kind="error">{held.error.message}</Notice>}
      {held.data && items.length === 0 && <p className="empty">{t('bills.hold.none')}</p>}
      {items.length > 0 && (
        <>
          <ul
            className="pick-list"
            role="listbox"
            ref={list}
            tabIndex={0}
            aria-label={t('bills.hold.recallKey')}
            aria-activedescendant={`held-${active}`}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, items.length - 1));
              else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
              else if (e.key === 'Enter') pick(active);
              else return;
              e.preventDefault();
            }}
          >
            {items.map((h, i) => (
              <li key={h.id} id={`held-${i}`} role="option" aria-selected={i === active} onClick={() => pick(i)}>
                <strong>{t('bills.hold.row', { when: dateTime(i18n, h.heldAt), lines: h.lines })}</strong>
                {h.heldBy && <span className="muted">{t('bills.hold.by', { name: h.heldBy })}</span>}
              </li>
            ))}
          </ul>
          <p className="muted">{t('bills.hold.hint')}</p>
        </>
      )}
    </Dialog>
  );
}
