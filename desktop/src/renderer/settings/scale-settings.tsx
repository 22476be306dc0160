import type { ScaleLayout } from '@bazaar/shared';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';

const prefixes = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'];

/** How the store's label scales print barcodes, as the scale itself is set up: one layout per prefix. */
export function ScaleSettings() {
  const api = useApi();
  const { t } = useI18n();
  const settings = useQuery(() => api.billSettings(), [api]);
  const [rows, setRows] = useState<ScaleLayout[] | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data && rows === null) setRows(settings.data.scaleLayouts);
  }, [settings.data, rows]);
  const list = rows ?? [];
  const set = (i: number, patch: Partial<ScaleLayout>) => setRows(list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const free = prefixes.find((p) => !list.some((r) => r.prefix === p));
  const save = async () => {
    setDone(false);
    setError(null);
    try {
      const s = await api.updateBillSettings({ scaleLayouts: list });
      setRows(s.scaleLayouts);
      setDone(true);
    } catch (err) {
      setError(asApiError(err).message);
    }
  };
  return (
    <section className="card card-pad stack" aria-labelledby="scale-title">
      <h2 id="scale-title">{t('goods.scale.title')}</h2>
      <p className="muted small no-margin">{t('goods.scale.intro')}</p>
      {list.map((r, i) => (
        <div className="row scale-row" key={r.prefix}>
          <select className="select" aria-label={t('goods.scale.prefix')} value={r.prefix} onChange={(e) => set(i, { prefix: e.target.value })}>
            {prefixes.filter((p) => p === r.prefix || !list.some((x) => x.prefix === p)).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <select className="select" aria-label={t('goods.scale.itemDigits')} value={r.itemDigits} onChange={(e) => set(i, { itemDigits: Number(e.target.value) })}>
            {[4, 5, 6].map((n) => (
              <option key={n} value={n}>
                {t('goods.scale.digits', { count: n })}
              </option>
            ))}
          </select>
          <select className="select" aria-label={t('goods.scale.value')} value={`${r.value}:${r.valueStep}`} onChange={(e) => {
            const [value, step] = e.target.value.split(':');
            set(i, { value: value as ScaleLayout['value'], valueStep: Number(step) as ScaleLayout['valueStep'] });
          }}>
            <option value="weight:1">{t('goods.scale.weightGrams')}</option>
            <option value="weight:10">{t('goods.scale.weight10')}</option>
            <option value="price:1">{t('goods.scale.priceMinor')}</option>
            <option value="price:100">{t('goods.scale.priceWhole')}</option>
          </select>
          <button type="button" className="btn btn-ghost btn-sm" aria-label={t('goods.scale.remove', { prefix: r.prefix })} onClick={() => setRows(list.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="ok">{t('goods.scale.saved')}</Notice>}
      <div className="row">
        <button type="button" className="btn btn-sm" disabled={!free} onClick={() => free && setRows([...list, { prefix: free, itemDigits: 5, value: 'weight', valueStep: 1 }])}>
          {t('goods.scale.add')}
        </button>
        <button type="button" className="btn btn-primary btn-sm" onClick={() => void save()}>
          {t('goods.scale.save')}
        </button>
      </div>
    </section>
  );
}
