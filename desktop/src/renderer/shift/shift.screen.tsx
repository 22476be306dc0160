import type { ShiftReport } from '@bazaar/shared';
import { useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { parseAmount } from '../counter/discount';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { dateTime } from '../ui/format';
import { Notice } from '../ui/notice';
import { Screen } from '../ui/screen';
import { useExclusive } from '../ui/use-exclusive';
import { useWindowKeys } from '../ui/use-window-keys';
import { ZReport } from './z-report';

/** Notes and coins counted at the close, largest first (minor units). */
export const denominations = [500000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100] as const;

export function ShiftScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const current = useQuery(() => api.currentShift(), [api]);
  const settings = useQuery(() => api.billSettings(), [api]);
  const info = useQuery(() => api.info(), [api]);
  const [closed, setClosed] = useState<ShiftReport | null>(null);
  const [float, setFloat] = useState('');
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  const counted = denominations.map((d) => ({ denominationMinor: d, count: Number.parseInt(counts[d] ?? '', 10) || 0 }));
  const countedTotal = counted.reduce((a, c) => a + c.denominationMinor * c.count, 0);

  const open = useExclusive(async () => {
    const minor = parseAmount(float || '0');
    if (minor === null) {
      setError(t('bills.discount.badAmount'));
      return;
    }
    try {
      await api.openShift({ floatMinor: minor });
      setClosed(null);
      setError(null);
      current.reload();
    } catch (err) {
      setError(t('bills.failed', { error: asApiError(err).message }));
    }
  });

  const close = useExclusive(async () => {
    try {
      const report = await api.closeShift({ counted: counted.filter((c) => c.count > 0) });
      setClosed(report);
      setCounts({});
      setError(null);
      current.reload();
    } catch (err) {
      setError(t('bills.failed', { error: asApiError(err).message }));
    }
  });

  useWindowKeys((e) => {
    if (e.key === 'F9' && current.data) {
      e.preventDefault();
      void close();
    }
  });

  const shift = current.data;
  return (
    <Screen name="shift" title={t('counter.nav.shift')} intro={t('shift.intro')}>
      {error && <Notice kind="error">{error}</Notice>}
      {current.error && <Notice kind="error">{current.error.message}</Notice>}
      {closed && (
        <div className="stack">
          <ZReport report={closed} settings={settings.data} storeName={info.data?.storeName ?? ''} />
          <div>
            <button className="btn btn-primary" autoFocus onClick={() => window.print()}>
              {t('shift.print')} <kbd>Ctrl+P</kbd>
            </button>
          </div>
        </div>
      )}
      {current.data === null && (
        <form
          className="card card-pad stack"
          onSubmit={(e) => {
            e.preventDefault();
            void open();
          }}
        >
          <p>{t('shift.none')}</p>
          <Field id="shift-float" label={t('shift.float')}>
            <input id="shift-float" className="input input-lg num" inputMode="decimal" autoFocus={!closed} autoComplete="off" value={float} onChange={(e) => setFloat(e.target.value)} />
          </Field>
          <button className="btn btn-primary" type="submit">
            {closed ? t('shift.newShift') : t('shift.open')} <kbd>Enter</kbd>
          </button>
        </form>
      )}
      {shift && (
        <div className="stack">
          <Notice kind="info">{t('shift.openSince', { when: dateTime(i18n, shift.openedAt), name: shift.openedBy ?? '', float: i18n.money(shift.floatMinor) })}</Notice>
          <div className="card card-pad stack">
            <h2>{t('shift.count')}</h2>
            <div className="denominations">
              {denominations.map((d, i) => (
                <Field key={d} id={`note-${d}`} label={t('shift.note', { value: i18n.money(d) })}>
                  <input
                    id={`note-${d}`}
                    ref={(el) => {
                      inputs.current[i] = el;
                    }}
                    className="input num"
                    inputMode="numeric"
                    autoComplete="off"
                    autoFocus={i === 0}
                    value={counts[d] ?? ''}
                    onChange={(e) => setCounts((c) => ({ ...c, [d]: e.target.value.replace(/\D/g, '') }))}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        inputs.current[i + 1]?.focus();
                      }
                    }}
                  />
                </Field>
              ))}
            </div>
            <dl className="report-grid">
              <dt>{t('shift.countedTotal')}</dt>
              <dd data-testid="counted-total">
                <bdi>{i18n.money(countedTotal)}</bdi>
              </dd>
              <dt>{t('shift.expected')}</dt>
              <dd>
                <bdi>{i18n.money(shift.cashExpectedMinor)}</bdi>
              </dd>
            </dl>
            <button className="btn btn-primary" onClick={() => void close()}>
              {t('shift.close')} <kbd>F9</kbd>
            </button>
          </div>
        </div>
      )}
    </Screen>
  );
}
