import { useQuery } from '@tanstack/react-query';
import type { ShiftDetail } from '@bazaar/shared';
import { shiftsApi } from '../../api/shifts.api';
import { errorMessage } from '../../api/api-error';
import { Tag } from '../../components/badges';
import { Dialog } from '../../components/dialog';
import { useI18n } from '../../i18n/i18n-context';
import { methodLabel } from '../bills/bill-labels';
import { shiftTime, varianceText, varianceTone } from './shift-labels';

function Body({ shift }: { shift: ShiftDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const r = shift.report;
  const fact = (label: string, value: string) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const line = (label: string, minor: number) => (
    <tr key={label}>
      <td>{label}</td>
      <td className="align-right">{i18n.money(minor)}</td>
    </tr>
  );
  return (
    <>
      <p>
        <Tag tone={shift.status === 'open' ? 'info' : 'good'}>{t(`web.shifts.status.${shift.status}`)}</Tag>{' '}
        {shift.status === 'closed' && <Tag tone={varianceTone(shift.varianceMinor)}>{varianceText(i18n, shift.varianceMinor)}</Tag>}
      </p>
      <dl className="facts">
        {fact(t('common.store'), shift.storeName)}
        {fact(t('web.bills.counter'), shift.counterName)}
        {fact(t('web.shifts.opened'), `${shiftTime(i18n, shift.openedAt, shift)} · ${shift.openedBy ?? t('web.bills.noCashier')}`)}
        {fact(t('web.shifts.closed'), shift.closedAt ? `${shiftTime(i18n, shift.closedAt, shift)} · ${shift.closedBy ?? t('web.bills.noCashier')}` : t('web.shifts.stillOpen'))}
      </dl>
      <table className="data-table" data-testid="shift-figures">
        <caption>{t(shift.status === 'closed' ? 'web.shifts.zReport' : 'web.shifts.xReport')}</caption>
        <tbody>
          <tr>
            <td>{t('web.shifts.bills')}</td>
            <td className="align-right">{i18n.number(r.saleBills)}</td>
          </tr>
          {line(t('web.shifts.sales'), r.salesMinor)}
          {line(t('web.shifts.returns', { count: r.returnBills }), -r.returnsMinor)}
          {line(t('web.shifts.discounts'), r.discountsMinor)}
          {line(t('web.shifts.voids', { count: r.voids.count }), r.voids.totalMinor)}
          {r.byMethod.map((m) => line(methodLabel(i18n, m.method), m.amountMinor))}
          {line(t('web.shifts.float'), r.floatMinor)}
          {line(t('web.shifts.cashExpected'), r.cashExpectedMinor)}
          {r.countedMinor !== null && line(t('web.shifts.cashCounted'), r.countedMinor)}
        </tbody>
      </table>
      {r.counted.length > 0 && (
        <>
          <h3>{t('web.shifts.notes')}</h3>
          <ul data-testid="shift-notes">
            {r.counted.map((c) => (
              <li key={c.denominationMinor}>{t('web.shifts.noteCount', { note: i18n.money(c.denominationMinor), count: c.count, amount: i18n.money(c.denominationMinor * c.count) })}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** One shift: who opened and closed it, its figures (the Z report once closed) and the cash counted note by note. */
export function ShiftDrilldown({ shiftId, title, onClose }: { shiftId: string | null; title: string; onClose(): void }) {
  const { t } = useI18n();
  const shift = useQuery({ queryKey: ['shifts', 'one', shiftId], queryFn: () => shiftsApi.get(shiftId!), enabled: !!shiftId });
  return (
    <Dialog title={title} open={!!shiftId} onClose={onClose} wide>
      {shift.isLoading && <p>{t('common.loading')}</p>}
      {shift.error && <p className="form-error">{errorMessage(shift.error)}</p>}
      {shift.data && <Body shift={shift.data} />}
    </Dialog>
  );
}
