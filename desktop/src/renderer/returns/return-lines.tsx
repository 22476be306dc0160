import { formatQuantity, type Bill, type ReturnDisposition } from '@bazaar/shared';
import { parseTypedQuantity } from '../counter/cart';
import { useI18n } from '../i18n/i18n-context';
import { soldLines, type ReturnChoice } from './return-plan';

interface Props {
  bill: Bill;
  returnable: Record<number, number>;
  choices: Record<number, ReturnChoice>;
  onChange: (lineNo: number, choice: ReturnChoice) => void;
}

/** The bill's lines: sold, returned before, returnable; how much comes back now and where it goes. */
export function ReturnLines({ bill, returnable, choices, onChange }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="return-lines">
        <thead>
          <tr>
            <th>{t('returns.item')}</th>
            <th className="num">{t('returns.sold')}</th>
            <th className="num">{t('returns.returned')}</th>
            <th className="num">{t('returns.returnable')}</th>
            <th className="num">{t('returns.qty')}</th>
            <th>{t('returns.stock')}</th>
          </tr>
        </thead>
        <tbody>
          {soldLines(bill, returnable).map((s) => {
            const c = choices[s.line.lineNo] ?? { qty: 0, disposition: 'restock' as ReturnDisposition };
            const unit = s.line.unit;
            return (
              <tr key={s.line.lineNo}>
                <td>
                  <bdi className="cell-strong">{s.line.name}</bdi>
                </td>
                <td className="num">{i18n.qty(s.sold, unit)}</td>
                <td className="num">{i18n.qty(s.returned, unit)}</td>
                <td className="num">{i18n.qty(s.returnable, unit)}</td>
                <td className="num">
                  <input
                    className="input qty-input num"
                    aria-label={t('returns.qtyOf', { name: s.line.name })}
                    disabled={s.returnable === 0}
                    defaultValue={c.qty > 0 ? formatQuantity(c.qty, unit) : ''}
                    key={`${s.line.lineNo}-${c.qty}`}
                    onBlur={(e) => {
                      const r = parseTypedQuantity(e.target.value || '0', unit, i18n);
                      onChange(s.line.lineNo, { ...c, qty: 'qty' in r ? Math.min(r.qty, s.returnable) : 0 });
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') e.currentTarget.blur();
                    }}
                  />
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={t('returns.stockOf', { name: s.line.name })}
                    value={c.disposition}
                    disabled={s.returnable === 0}
                    onChange={(e) => onChange(s.line.lineNo, { ...c, disposition: e.target.value as ReturnDisposition })}
                  >
                    <option value="restock">{t('returns.restock')}</option>
                    <option value="damaged">{t('returns.damaged')}</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
