import { useEffect, useRef, useState } from 'react';
import type { CountResult, ProductView } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { parseTypedQuantity } from '../counter/cart';
import { useSync } from '../sync/sync-context';
import { signedQuantity } from '../ui/format';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { ProductPicker, type PickerHandle } from '../ui/product-picker';
import { RecentActivity } from './recent-activity';
import { Screen } from '../ui/screen';
import { useExclusive } from '../ui/use-exclusive';
import { useWindowKeys } from '../ui/use-window-keys';

interface SheetRow {
  product: ProductView;
  text: string;
}

/** Walk the shelf: scan each product, type what is there, see the variance, then save. */
export function CountScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const sync = useSync();
  // Rows also live in a ref so F9 right after a scan sees the row that scan adds.
  const [rows, setRowsState] = useState<SheetRow[]>([]);
  const rowsRef = useRef(rows);
  const setRows = (next: SheetRow[] | ((rs: SheetRow[]) => SheetRow[])) => {
    rowsRef.current = typeof next === 'function' ? next(rowsRef.current) : next;
    setRowsState(rowsRef.current);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [scanError, setScanError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<CountResult | null>(null);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);
  const picker = useRef<PickerHandle>(null);

  // Focus moves to the counted box once React has rendered the row (a timer may fire before that).
  const [focusRow, setFocusRow] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusRow) document.getElementById(`count-${focusRow.id}`)?.focus();
  }, [focusRow]);

  const add = (p: ProductView) => {
    setSaved(null);
    setRows((rs) => (rs.some((r) => r.product.id === p.id) ? rs : [...rs, { product: p, text: '' }]));
    setFocusRow({ id: p.id });
  };

  const parse = (rs: SheetRow[]) => rs.map((r) => ({ row: r, result: r.text.trim() === '' ? null : parseTypedQuantity(r.text, r.product.unit, i18n) }));
  const parsed = parse(rows);
  const variances = parsed.flatMap(({ row, result }) =>
    result && 'qty' in result && result.qty !== row.product.qty ? [{ row, variance: result.qty - row.product.qty }] : [],
  );

  const save = useExclusive(async () => {
    await picker.current?.whenIdle();
    const rows = rowsRef.current;
    const parsed = parse(rows);
    const problems: Record<string, string> = {};
    for (const { row, result } of parsed) {
      if (result === null) problems[row.product.id] = t('count.enterCount');
      else if ('error' in result) problems[row.product.id] = result.error;
    }
    setErrors(problems);
    if (rows.length === 0) {
      setFormError(t('count.emptySave'));
      return;
    }
    if (Object.keys(problems).length > 0) {
      setFormError(t('count.rowsMissing'));
      return;
    }
    setFormError(null);
    setSaving(true);
    try {
      const lines = parsed.map(({ row, result }) => ({ product: row.product.id, counted: result && 'qty' in result ? result.qty : 0 }));
      const r = await api.count({ lines });
      setSaved(r);
      setRows([]);
      setVersion((v) => v + 1);
      sync.refresh();
      picker.current?.focus();
    } catch (err) {
      setFormError(t('common.nothingSaved', { error: asApiError(err).message }));
    } finally {
      setSaving(false);
    }
  });

  useWindowKeys((e) => {
    if (e.key === 'F9' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      void save();
    }
  });

  return (
    <Screen name="count" title={t('count.title')} intro={t('count.intro')}>
      <div className="two-col">
        <div className="stack">
          <div className="card card-pad stack">
            <ProductPicker
              ref={picker}
              id="count-product"
              label={t('count.scanNext')}
              placeholder={t('common.scanOrType')}
              autoFocus
              invalid={!!scanError}
              onPick={add}
              onError={setScanError}
            />
            {scanError && <Notice kind="error">{scanError}</Notice>}
            {saved && (
              <Notice kind="ok">
                {t('count.saved', { products: saved.lines.length, differ: saved.lines.filter((l) => l.variance !== 0).length })}
              </Notice>
            )}
          </div>
          <div className="card">
            {rows.length === 0 ? (
              <div className="empty">{t('count.empty')}</div>
            ) : (
              <table className="table" data-testid="count-sheet">
                <thead>
                  <tr>
                    <th>{t('common.product')}</th>
                    <th className="num">{t('count.expected')}</th>
                    <th className="num">{t('count.counted')}</th>
                    <th className="num">{t('count.difference')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {parsed.map(({ row, result }) => {
                    const variance = result && 'qty' in result ? result.qty - row.product.qty : null;
                    const err = errors[row.product.id];
                    return (
                      <tr key={row.product.id}>
                        <td>
                          <bdi className="cell-strong">{row.product.name}</bdi>
                          <bdi className="cell-sub mono">{row.product.sku}</bdi>
                        </td>
                        <td className="num"><bdi>{i18n.qty(row.product.qty, row.product.unit)}</bdi></td>
                        <td className="num">
                          <input
                            id={`count-${row.product.id}`}
                            className="input qty-input num"
                            aria-label={t('count.countedOf', { name: row.product.name })}
                            aria-invalid={err ? 'true' : undefined}
                            placeholder={t(`unit.word.${row.product.unit}`).split(/[,،]/)[0]}
                            value={row.text}
                            onChange={(e) => {
                              const text = e.target.value;
                              setErrors(({ [row.product.id]: _fixed, ...rest }) => rest);
                              setFormError(null);
                              setRows((rs) => rs.map((r) => (r.product.id === row.product.id ? { ...r, text } : r)));
                            }}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                                e.preventDefault();
                                picker.current?.focus();
                              }
                            }}
                          />
                          {err && <span className="field-error cell-sub">{err}</span>}
                          {result && 'error' in result && !err && <span className="field-error cell-sub">{result.error}</span>}
                        </td>
                        <td className={`num cell-strong ${variance === null || variance === 0 ? 'muted' : variance < 0 ? 'qty-out' : 'qty-ok'}`}>
                          <bdi>{variance === null ? '—' : variance === 0 ? t('count.matches') : signedQuantity(i18n, variance, row.product.unit)}</bdi>
                        </td>
                        <td>
                          <button
                            className="btn btn-ghost btn-sm"
                            aria-label={t('count.removeRow', { name: row.product.name })}
                            onClick={() => setRows((rs) => rs.filter((r) => r.product.id !== row.product.id))}
                          >
                            ✕
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
          {formError && <Notice kind="error">{formError}</Notice>}
          <div className="row">
            <button className="btn btn-primary" disabled={saving} onClick={() => void save()}>
              {saving ? t('common.saving') : t('count.save', { products: rows.length, differ: variances.length })}
              <kbd>F9</kbd>
            </button>
            {rows.length > 0 && (
              <button className="btn" onClick={() => setRows([])}>
                {t('count.clear')}
              </button>
            )}
          </div>
        </div>
        <RecentActivity kind="COUNT" title={t('count.recent')} version={version} />
      </div>
    </Screen>
  );
}
