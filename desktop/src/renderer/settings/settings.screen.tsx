import { useState } from 'react';
import type { SessionUser, StoreInfo } from '../../core/core.api';
import { HubSettings } from './hub-settings';
import { ProductSettings } from './product-settings';
import { StaffSettings } from './staff-settings';
import { StoreSettings } from './store-settings';

const tabs = [
  { id: 'hub', label: 'Hub & enrollment' },
  { id: 'store', label: 'Store & thresholds' },
  { id: 'products', label: 'Products' },
  { id: 'staff', label: 'Staff' },
] as const;
type Tab = (typeof tabs)[number]['id'];

export function SettingsScreen({ info, user, onChanged }: { info: StoreInfo; user: SessionUser; onChanged: () => void }) {
  const [tab, setTab] = useState<Tab>('hub');
  return (
    <section className="screen" aria-labelledby="settings-title">
      <div className="screen-head">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p>Connection to head office, store details, reorder levels, products and staff.</p>
        </div>
      </div>
      <div>
        <div className="segmented" role="tablist" aria-label="Settings section">
          {tabs.map((t) => (
            <button key={t.id} role="tab" aria-selected={tab === t.id} aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {user.role === 'staff' && <p className="notice notice-info">Some settings need a manager; they will tell you when you try.</p>}
      {tab === 'hub' && <HubSettings info={info} onChanged={onChanged} />}
      {tab === 'store' && <StoreSettings info={info} />}
      {tab === 'products' && <ProductSettings info={info} />}
      {tab === 'staff' && <StaffSettings info={info} />}
    </section>
  );
}
