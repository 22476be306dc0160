import type { ReactNode } from 'react';
import { LocalePicker, useI18n } from '../i18n/i18n-context';

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <aside className="auth-aside" aria-hidden="true">
        <div className="brand brand-lg">
          <span className="brand-mark">B</span>
          <span>
            {t('web.shell.brand')} <strong>{t('web.auth.inventory')}</strong>
          </span>
        </div>
        <p>{t('web.auth.pitch')}</p>
        <ul>
          <li>{t('web.auth.point1')}</li>
          <li>{t('web.auth.point2')}</li>
          <li>{t('web.auth.point3')}</li>
        </ul>
      </aside>
      <main className="auth-card">
        <div className="auth-locale">
          <LocalePicker />
        </div>
        <h1>{title}</h1>
        <p className="muted">{subtitle}</p>
        {children}
      </main>
    </div>
  );
}
