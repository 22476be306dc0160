import { currencyInfo, CurrencyError } from '@bazaar/shared';
import { useState, type FormEvent } from 'react';
import { LocalePicker, useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';

/** Language of the signed-in person, and the money amounts are shown in. */
export function LocaleSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState(i18n.currency.code);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      i18n.setCurrency(currencyInfo(code).code);
      setError(null);
    } catch (err) {
      if (!(err instanceof CurrencyError)) throw err;
      setError(t('localeSettings.badCurrency', { code }));
    }
  };
  return (
    <div className="two-col">
      <div className="card card-pad stack">
        <h2>{t('common.language')}</h2>
        <p className="muted no-margin">{t('localeSettings.languageIntro')}</p>
        <LocalePicker />
      </div>
      <form className="card card-pad stack" onSubmit={submit} noValidate>
        <h2>{t('common.currency')}</h2>
        <p className="muted no-margin">{t('localeSettings.currencyIntro')}</p>
        <Field id="currency-code" label={t('localeSettings.code')} error={error} hint={t('localeSettings.example', { amount: i18n.money(1234567) })}>
          <input id="currency-code" className="input mono" value={code} maxLength={3} onChange={(e) => setCode(e.target.value.toUpperCase())} />
        </Field>
        {error && <Notice kind="error">{error}</Notice>}
        <div className="row">
          <button className="btn btn-primary" type="submit">
            {t('localeSettings.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
