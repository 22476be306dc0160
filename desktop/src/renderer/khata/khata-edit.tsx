import { useState } from 'react';
import type { CustomerView } from '../../core/credit/credit.api';
import { useApi } from '../api/api-context';
import { parseAmount } from '../counter/discount';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { useSaveAction } from '../ui/use-save-action';

/** The limit as the box shows it: "500.00", or empty for no limit. */
const limitText = (minor: number | null) => (minor === null ? '' : (minor / 100).toFixed(2));

/**
 * A customer's name, address, note and credit limit, changed at the counter (issue 20). Only what
 * was changed is sent; a limit is a manager's to set, so staff see it but cannot change it.
 */
export function CustomerEditForm({ view, canSetLimit, onDone, onCancel }: { view: CustomerView; canSetLimit: boolean; onDone: () => void; onCancel: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const c = view.customer;
  const [name, setName] = useState(c.name);
  const [address, setAddress] = useState(c.address ?? '');
  const [note, setNote] = useState(c.note ?? '');
  const [limit, setLimit] = useState(limitText(c.creditLimitMinor));
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useSaveAction((message) => setError(t('khata.failed', { error: message })));
  const save = async () => {
    const typedLimit = limit.trim() === '' ? null : parseAmount(limit);
    if (limit.trim() !== '' && typedLimit === null) {
      setError(t('khata.edit.badLimit'));
      return;
    }
    if (name.trim() === '') {
      setError(t('khata.edit.needName'));
      return;
    }
    const change = {
      ...(name.trim() !== c.name ? { name: name.trim() } : {}),
      ...(address.trim() !== (c.address ?? '') ? { address: address.trim() || null } : {}),
      ...(note.trim() !== (c.note ?? '') ? { note: note.trim() || null } : {}),
      ...(canSetLimit && typedLimit !== c.creditLimitMinor ? { creditLimitMinor: typedLimit } : {}),
    };
    if (Object.keys(change).length === 0) {
      onCancel();
      return;
    }
    await run(async () => {
      await api.updateCustomer({ customer: c.id, ...change });
      onDone();
    });
  };
  return (
    <form
      className="stack"
      aria-label={t('khata.edit.title')}
      data-testid="khata-edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 className="section-title no-margin">{t('khata.edit.title')}</h3>
      <div className="form-row">
        <Field id="khata-edit-name" label={t('khata.field.name')}>
          <input id="khata-edit-name" className="input" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <Field id="khata-edit-limit" label={t('khata.field.limit')} hint={canSetLimit ? t('khata.field.limitHint') : t('khata.edit.limitManager')}>
          <input id="khata-edit-limit" className="input num" inputMode="decimal" autoComplete="off" value={limit} disabled={!canSetLimit} onChange={(e) => setLimit(e.target.value)} />
        </Field>
      </div>
      <Field id="khata-edit-address" label={t('khata.edit.address')}>
        <input id="khata-edit-address" className="input" autoComplete="off" value={address} onChange={(e) => setAddress(e.target.value)} />
      </Field>
      <Field id="khata-edit-note" label={t('khata.edit.note')}>
        <input id="khata-edit-note" className="input" autoComplete="off" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t('khata.edit.save')} <kbd>Enter</kbd>
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          {t('khata.cancel')}
        </button>
      </div>
    </form>
  );
}

export interface StatementPeriod {
  from?: string;
  to?: string;
}

/** The statement's period: from and to days on the store's calendar; empty: since the first entry, up to today. */
export function StatementPeriodPicker({ period, onChange }: { period: StatementPeriod; onChange: (p: StatementPeriod) => void }) {
  const { t } = useI18n();
  const set = (key: 'from' | 'to', value: string) => {
    const next: StatementPeriod = { ...period };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <div className="row-wrap statement-period" role="group" aria-label={t('khata.period.label')}>
      <Field id="khata-period-from" label={t('khata.period.from')}>
        <input id="khata-period-from" className="input" type="date" value={period.from ?? ''} max={period.to} onChange={(e) => set('from', e.target.value)} />
      </Field>
      <Field id="khata-period-to" label={t('khata.period.to')}>
        <input id="khata-period-to" className="input" type="date" value={period.to ?? ''} min={period.from} onChange={(e) => set('to', e.target.value)} />
      </Field>
      {(period.from || period.to) && (
        <button className="btn btn-ghost btn-sm" type="button" onClick={() => onChange({})}>
          {t('khata.period.all')}
        </button>
      )}
    </div>
  );
}
