import { useState } from 'react';
import type { SessionUser, StoreInfo } from '../../core/core.api';
import type { MessageKey } from '@bazaar/shared';
import { useI18n } from '../i18n/i18n-context';
import { HubSettings } from './hub-settings';
import { LocaleSettings } from './locale-settings';
import { PrinterSettings } from './printer-settings';
import { ProductSettings } from './product-settings';
import { StaffSettings } from './staff-settings';
import { StoreSettings } from './store-settings';
import { Screen } from '../ui/screen';

const tabs = [
  { id: 'hub', label: 'settings.tab.hub' },
  { id: 'store', label: 'settings.tab.store' },
  { id: 'products', label: 'common.products' },
  { id: 'staff', label: 'settings.tab.staff' },
  { id: 'language', label: 'settings.tab.language' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type Tab = (typeof tabs)[number]['id'];

export function SettingsScreen({ info, user, onChanged }: { info: StoreInfo; user: SessionUser; onChanged: () => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('hub');
  return (
    <Screen name="settings" title={t('counter.nav.settings')} intro={t('settings.intro')}>
      <div>
        <div className="segmented" role="tablist" aria-label={t('settings.section')}>
          {tabs.map((s) => (
            <button key={s.id} role="tab" aria-selected={tab === s.id} aria-pressed={tab === s.id} onClick={() => setTab(s.id)}>
              {t(s.label)}
            </button>
          ))}
        </div>
      </div>
      {user.role === 'staff' && <p className="notice notice-info">{t('settings.needManager')}</p>}
      {tab === 'hub' && <HubSettings info={info} onChanged={onChanged} />}
      {tab === 'store' && (
        <>
          <StoreSettings info={info} />
          <PrinterSettings />
        </>
      )}
      {tab === 'products' && <ProductSettings info={info} />}
      {tab === 'staff' && <StaffSettings info={info} />}
      {tab === 'language' && <LocaleSettings />}
    </Screen>
  );
}
