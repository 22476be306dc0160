import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConflictKind, MessageKey } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { insightsApi } from '../../api/reports.api';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { SuggestInput } from '../../components/suggest-input';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { conflictGroupsApi } from './conflict-groups.api';
import { StoreTime } from '../shared/store-time';

export const kindKeys: Record<ConflictKind, MessageKey> = {
  NEGATIVE_STOCK: 'web.conflicts.kind.NEGATIVE_STOCK',
  COUNT_VARIANCE: 'web.conflicts.kind.COUNT_VARIANCE',
  LATE_MOVEMENT_ABSORBED: 'web.conflicts.kind.LATE_MOVEMENT_ABSORBED',
  REJECTED_MOVEMENT: 'web.conflicts.kind.REJECTED_MOVEMENT',
  SKU_MERGED: 'web.conflicts.kind.SKU_MERGED',
  CLOCK_DRIFT: 'web.conflicts.kind.CLOCK_DRIFT',
  UNKNOWN_USER: 'web.conflicts.kind.UNKNOWN_USER',
  OVER_RETURN: 'web.conflicts.overReturn',
  TRANSFER_DISCREPANCY: 'web.conflicts.transferDiscrepancy',
};

const groupKey = (g: { storeId: string; kind: string }) => `${g.storeId}/${g.kind}`;

/** Open conflicts by store and kind, biggest first; tick groups and resolve them with one note. */
export function ConflictGroups({ canResolve }: { canResolve: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const [region, setRegion] = useState('');
  const debounced = useDebounced(region.trim());
  // Size of a count variance: at least N in display units (pc, or kg/L for weighed goods) or N % of the expected stock.
  const [minSize, setMinSize] = useState('');
  const [sizeIn, setSizeIn] = useState<'qty' | 'percent'>('qty');
  const size = Number(useDebounced(minSize.trim()));
  const sizeFilter = Number.isFinite(size) && size > 0 ? (sizeIn === 'qty' ? { minQty: size } : { minPercent: size }) : {};
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  // The biggest 20 groups first; all (up to 200) on request, so the list below stays in view.
  const [limit, setLimit] = useState(20);
  const q = useQuery({ queryKey: ['conflicts', 'groups', debounced, sizeFilter, limit], queryFn: () => conflictGroupsApi.groups({ region: debounced || undefined, ...sizeFilter, limit }) });
  const items = q.data?.items ?? [];
  const chosen = items.filter((g) => picked.has(groupKey(g)));
  const resolve = useMutation({
    mutationFn: async (n: string) => {
      let resolved = 0;
      const stores = new Set<string>();
      // One call per group: each names its store and kind, so nothing outside the ticked groups is touched.
      for (const g of chosen) {
        const r = await conflictGroupsApi.resolve({ note: n, storeId: g.storeId, kind: g.kind, ...sizeFilter });
        resolved += r.resolved;
        if (r.resolved) stores.add(g.storeId);
      }
      return { resolved, stores: stores.size };
    },
    onSuccess: (r) => {
      setDone(t('web.conflicts.bulkDone', { count: r.resolved, stores: r.stores }));
      setPicked(new Set());
      setAsking(false);
      setNote('');
      void qc.invalidateQueries({ queryKey: ['conflicts'] });
    },
  });
  const toggle = (k: string) => setPicked((s) => {
    const next = new Set(s);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    return next;
  });

  return (
    <section className="card conflict-groups" aria-label={t('web.conflicts.groups')} data-testid="conflict-groups">
      <div className="chart-head">
        <h3>{t('web.conflicts.groups')}</h3>
        {q.data && <span className="muted" data-testid="conflict-groups-count">{t('web.conflicts.groupsCount', { groups: q.data.groups, total: q.data.total })}</span>}
      </div>
      <div className="inline-fields">
        <Field label={t('web.stock.region')}>
          {(id) => <SuggestInput id={id} kind="region" placeholder={t('web.stock.anyRegion')} value={region} onChange={setRegion} suggest={insightsApi.regions} />}
        </Field>
        <Field label={t('web.conflicts.minSize')} hint={t('web.conflicts.minSizeHint')}>
          {(id, d) => (
            <span className="inline-fields">
              <input id={id} aria-describedby={d} type="number" min="0" step="any" inputMode="decimal" value={minSize} onChange={(e) => setMinSize(e.target.value)} data-testid="conflict-min-size" />
              <select aria-label={t('web.conflicts.sizeIn')} value={sizeIn} onChange={(e) => setSizeIn(e.target.value === 'percent' ? 'percent' : 'qty')} data-testid="conflict-size-in">
                <option value="qty">{t('web.conflicts.sizeUnits')}</option>
                <option value="percent">{t('web.conflicts.sizePercent')}</option>
              </select>
            </span>
          )}
        </Field>
        {canResolve && (
          <button type="button" className="btn btn-primary" disabled={chosen.length === 0} onClick={() => setAsking(true)} data-testid="bulk-resolve">
            {t('web.conflicts.resolveChosen', { count: chosen.reduce((a, g) => a + g.count, 0) })}
          </button>
        )}
      </div>
      {done && <p role="status" data-testid="bulk-done">{done}</p>}
      {q.error && <p className="error">{errorMessage(q.error)}</p>}
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              {canResolve && (
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('web.conflicts.pickAll')}
                    checked={items.length > 0 && chosen.length === items.length}
                    onChange={(e) => setPicked(e.target.checked ? new Set(items.map(groupKey)) : new Set())}
                  />
                </th>
              )}
              <th>{t('web.trends.store')}</th>
              <th>{t('web.stock.region')}</th>
              <th>{t('web.conflicts.kind')}</th>
              <th className="num">{t('web.conflicts.count')}</th>
              <th className="num">{t('web.conflicts.products')}</th>
              <th>{t('web.conflicts.oldest')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((g) => (
              <tr key={groupKey(g)}>
                {canResolve && (
                  <td>
                    <input type="checkbox" aria-label={t('web.conflicts.pickGroup', { store: g.storeName, kind: t(kindKeys[g.kind]) })} checked={picked.has(groupKey(g))} onChange={() => toggle(groupKey(g))} />
                  </td>
                )}
                <td>
                  {g.storeName} <small className="muted">{g.storeCode}</small>
                </td>
                <td>{g.region ?? <span className="muted">{t('web.rank.noRegion')}</span>}</td>
                <td>{t(kindKeys[g.kind])}</td>
                <td className="num">{i18n.number(g.count)}</td>
                <td className="num">{i18n.number(g.products)}</td>
                <td>
                  <StoreTime storeId={g.storeId} at={g.oldest} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.data && items.length === 0 && <p className="muted">{t('web.conflicts.noGroups')}</p>}
      {q.data && q.data.groups > items.length && limit < 200 && (
        <button type="button" className="btn btn-ghost" onClick={() => setLimit(200)} data-testid="conflict-groups-more">
          {t('web.conflicts.showMoreGroups', { shown: items.length, groups: q.data.groups })}
        </button>
      )}
      <Dialog title={t('web.conflicts.bulkTitle')} open={asking} onClose={() => setAsking(false)}>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) resolve.mutate(note.trim());
          }}
        >
          <p>{t('web.conflicts.bulkWhat', { count: chosen.reduce((a, g) => a + g.count, 0), groups: chosen.length })}</p>
          <Field label={t('web.conflicts.note')} hint={t('web.conflicts.noteHint')} error={resolve.error ? errorMessage(resolve.error) : undefined}>
            {(id, d) => <textarea id={id} aria-describedby={d} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setAsking(false)}>
              {t('web.conflicts.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={resolve.isPending || !note.trim()} data-testid="bulk-confirm">
              {t('web.conflicts.markResolved')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
