import { createTranslator, currencyCodeSchema, isLocale, type Locale } from '@bazaar/shared';
import { Field } from '../../components/field';
import { LocaleOptions } from '../../components/locale-options';
import { useI18n } from '../../i18n/i18n-context';

export interface HubMoneyValue {
  currency: string;
  defaultLocale: Locale;
}

const named = ['PKR', 'INR'] as const;
const OTHER = 'other';

/** How an amount would read in this currency, in the reader's language; null while the code is not a known one. */
function example(currency: string, locale: Locale): string | null {
  const code = currencyCodeSchema.safeParse(currency);
  return code.success ? createTranslator({ locale, currency: code.data }).money(123456789) : null;
}

/** The hub's currency (PKR, INR or any ISO code) and default language: on first setup and in Settings. */
export function HubMoneyFields({ value, onChange, disabled, error }: { value: HubMoneyValue; onChange: (v: HubMoneyValue) => void; disabled?: boolean; error?: string | undefined }) {
  const { t, locale } = useI18n();
  const isNamed = (named as readonly string[]).includes(value.currency);
  const shown = example(value.currency, locale);
  return (
    <div className="form-grid" data-testid="hub-money">
      <Field label={t('web.settings.currency')} error={error} hint={shown ? t('web.settings.currencyExample', { example: shown }) : undefined}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            data-testid="hub-currency"
            disabled={disabled}
            value={isNamed ? value.currency : OTHER}
            onChange={(e) => onChange({ ...value, currency: e.target.value === OTHER ? '' : e.target.value })}
          >
            {named.map((code) => (
              <option key={code} value={code}>
                {t(`currency.${code}`)}
              </option>
            ))}
            <option value={OTHER}>{t('web.settings.currencyOther')}</option>
          </select>
        )}
      </Field>
      {!isNamed && (
        <Field label={t('web.settings.currencyCode')}>
          {(id) => (
            <input
              id={id}
              data-testid="hub-currency-code"
              className="mono"
              maxLength={3}
              disabled={disabled}
              value={value.currency}
              onChange={(e) => onChange({ ...value, currency: e.target.value.toUpperCase() })}
            />
          )}
        </Field>
      )}
      <Field label={t('web.settings.defaultLocale')}>
        {(id) => (
          <select
            id={id}
            data-testid="hub-default-locale"
            disabled={disabled}
            value={value.defaultLocale}
            onChange={(e) => {
              if (isLocale(e.target.value)) onChange({ ...value, defaultLocale: e.target.value });
            }}
          >
            <LocaleOptions />
          </select>
        )}
      </Field>
    </div>
  );
}
