import { currencyInfo, CurrencyError, receiptCurrencyLabel } from '@bazaar/shared';
import { useApi } from '../api/api-context';
import { useState, type FormEvent } from 'react';
import { LocalePicker, useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { BigTextSettings } from '../app/big-text-toggle';

/** Language of the signed-in person, and the money amounts are shown in. */
export function LocaleSettings() {
  const i18n = useI18n();
  const api = useApi();
  const { t } = i18n;
  const [code, setCode] = useState(i18n.currency.code);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      const chosen = currencyInfo(code).code;
      i18n.setCurrency(chosen);
      // Receipts print what the screens show: the currency's symbol (Rs, ₹) or its code.
      void api.updateBillSettings({ currencyLabel: receiptCurrencyLabel(chosen) }).catch(() => undefined);
      setError(null);
    } catch (err) {
      if (!(err instanceof CurrencyError)) throw err;
      setError(t('localeSettings.badCurrency', { code }));
    }
  };
  return (
    <div className="two-col">
      <div className="stack">
        <div className="card card-pad stack">
          <h2>{t('common.language')}</h2>
          <p className="muted no-margin">{t('localeSettings.languageIntro')}</p>
          <LocalePicker />
        </div>
        <BigTextSettings />
      </div>
      <form className="card card-pad stack" onSubmit={submit} noValidate>
        <h2>{t('common.currency')}</h2>
        <p className="muted no-margin">{t(i18n.hubCurrency ? 'localeSettings.currencyFromHub' : 'localeSettings.currencyIntro')}</p>
        <Field id="currency-code" label={t('localeSettings.code')} error={error} hint={t('localeSettings.example', { amount: i18n.money(1234567) })}>
          <input id="currency-code" className="input mono" value={i18n.hubCurrency ? i18n.currency.code : code} maxLength={3} disabled={i18n.hubCurrency} onChange={(e) => setCode(e.target.value.toUpperCase())} />
        </Field>
        {error && <Notice kind="error">{error}</Notice>}
        {!i18n.hubCurrency && (
          <div className="row">
            <button className="btn btn-primary" type="submit">
              {t('localeSettings.save')}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
