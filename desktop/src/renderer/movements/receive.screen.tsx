import { parseMoney, UnitError } from '@bazaar/shared';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { MovementScreen, type Problems } from './movement.screen';
import { Options } from '../ui/options';

export function ReceiveScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const symbol = i18n.currency.symbol ?? i18n.currency.code;
  const suppliers = useQuery(() => api.listSuppliers(), [api]);
  const [cost, setCost] = useState('');
  const [supplierId, setSupplierId] = useState('');
  const [lot, setLot] = useState('');
  const [expiresOn, setExpiresOn] = useState('');

  const unitCost = (): { minor?: number; problem?: string } => {
    if (!cost.trim()) return {};
    try {
      return { minor: parseMoney(cost) };
    } catch (err) {
      return { problem: err instanceof UnitError ? t('receive.costInvalid', { currency: symbol }) : String(err) };
    }
  };

  return (
    <MovementScreen
      name="receive"
      kind="IN"
      title={t('counter.nav.receive')}
      intro={t('receive.intro')}
      qtyLabel={t('receive.qty')}
      noteHint={t('receive.noteHint')}
      submitLabel={t('receive.record')}
      recentTitle={t('receive.recent')}
      pickProduct={t('receive.pickProduct')}
      onPick={(p) => {
        setCost(p.costMinor > 0 ? (p.costMinor / 100).toFixed(2) : '');
        setSupplierId(p.supplierId ?? '');
      }}
      check={() => {
        const { problem } = unitCost();
        const problems: Problems = {};
        if (problem) problems.cost = problem;
        return problems;
      }}
      record={async ({ product, qty, note }) => {
        const unitCostMinor = unitCost().minor;
        const r = await api.stockIn({ product: product.id, qty, unitCostMinor, supplier: supplierId || undefined, note, lot: lot.trim() || undefined, expiresOn: expiresOn || undefined });
        setLot('');
        setExpiresOn('');
        return t(unitCostMinor !== undefined ? 'receive.doneAt' : 'receive.done', {
          qty: i18n.qty(qty, product.unit),
          name: product.name,
          cost: unitCostMinor !== undefined ? i18n.money(unitCostMinor) : '',
          now: i18n.qty(r.stockAfter, product.unit),
        });
      }}
      between={(errors, product) => (
        <>
          <Field
            id="receive-cost"
            label={t('receive.costLabel', { per: t(`unit.per.${product?.unit ?? 'pc'}`), currency: symbol })}
            error={errors.cost ?? errors.unitCostMinor}
            hint={t('receive.costHint')}
          >
            <input id="receive-cost" className="input" inputMode="decimal" value={cost} aria-invalid={errors.cost ? 'true' : undefined} onChange={(e) => setCost(e.target.value)} />
          </Field>
          <Field id="receive-supplier" label={t('common.supplier')} error={errors.supplier}>
            <select id="receive-supplier" className="select" value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
              <option value="">{t('common.none')}</option>
              <Options items={suppliers.data} value={(s) => s.id} label={(s) => s.name} />
            </select>
          </Field>
          <Field id="receive-lot" label={t('goods.receive.lot')} error={errors.lot}>
            <input id="receive-lot" className="input mono" value={lot} onChange={(e) => setLot(e.target.value)} />
          </Field>
          <Field id="receive-expires" label={t('goods.receive.expires')} error={errors.expiresOn} hint={t('goods.receive.expiresHint')}>
            <input id="receive-expires" className="input" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
          </Field>
        </>
      )}
    />
  );
}
