import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';

/** The counter's network receipt printer (raw ESC/POS, port 9100 unless said) and its paper. */
export function PrinterSettings() {
  const api = useApi();
  const { t } = useI18n();
  const settings = useQuery(() => api.billSettings(), [api]);
  const [address, setAddress] = useState<string | null>(null);
  const [width, setWidth] = useState<32 | 48>(48);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (settings.data && address === null) {
      setAddress(settings.data.receiptPrinter ?? '');
      setWidth(settings.data.receiptWidth);
    }
  }, [settings.data, address]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const s = await api.updateBillSettings({ receiptPrinter: (address ?? '').trim(), receiptWidth: width });
      setAddress(s.receiptPrinter ?? '');
      setMessage({ kind: 'ok', text: s.receiptPrinter ? t('bills.printer.saved', { printer: s.receiptPrinter }) : t('bills.printer.none') });
    } catch (err) {
      setMessage({ kind: 'error', text: asApiError(err).message });
    }
  };
  return (
    <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="printer-title">
      <h2 id="printer-title">{t('bills.printer.title')}</h2>
      <p className="muted small no-margin">{t('bills.printer.intro')}</p>
      <Field id="printer-address" label={t('bills.printer.address')} hint={t('bills.printer.addressHint')}>
        <input id="printer-address" className="input" dir="ltr" inputMode="url" value={address ?? ''} placeholder="192.168.1.50:9100" onChange={(e) => setAddress(e.target.value)} />
      </Field>
      <Field id="printer-paper" label={t('bills.receipt.paper')}>
        <select id="printer-paper" className="select" value={width} onChange={(e) => setWidth(e.target.value === '32' ? 32 : 48)}>
          <option value="32">{t('bills.receipt.mm58')}</option>
          <option value="48">{t('bills.receipt.mm80')}</option>
        </select>
      </Field>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <div className="row">
        <button className="btn btn-primary" type="submit">
          {t('bills.printer.save')}
        </button>
      </div>
    </form>
  );
}
