import { useEffect, useState } from 'react';
import type { SessionUser, StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { CounterScreen } from '../counter/counter.screen';
import { CountScreen } from '../movements/count.screen';
import { ReceiveScreen } from '../movements/receive.screen';
import { RemoveScreen } from '../movements/remove.screen';
import { HistoryScreen } from '../history/history.screen';
import { SettingsScreen } from '../settings/settings.screen';
import { StockScreen } from '../stock/stock.screen';
import { SyncIndicator } from '../sync/sync-indicator';
import { SyncScreen } from '../sync/sync.screen';
import { useSync } from '../sync/sync-context';
import { hubLine } from '../sync/sync-words';
import { ReturnsScreen } from '../returns/returns.screen';
import { ShiftScreen } from '../shift/shift.screen';
import { TransfersScreen } from '../transfers/transfers.screen';
import { PurchasesScreen } from '../purchases/purchases.screen';
import { KhataScreen } from '../khata/khata.screen';
import { LocalePicker, useI18n } from '../i18n/i18n-context';
import { firstBelowLine, keyCap, screenForKey, screens, type ScreenId } from './screens';
import { useWindowKeys } from '../ui/use-window-keys';
import { BigTextProvider } from './big-text-context';
import { BigTextToggle } from './big-text-toggle';

interface Props {
  info: StoreInfo;
  user: SessionUser;
  onSignOut: () => void;
  onInfoChanged: () => void;
}

export function Shell({ info, user, onSignOut, onInfoChanged }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t, setUser } = i18n;
  const sync = useSync();
  // The signed-in person's language replaces the counter's as soon as the shell opens.
  useEffect(() => setUser(user.username), [setUser, user.username]);
  const [screen, setScreen] = useState<ScreenId>('counter');

  useWindowKeys((e) => {
    const target = screenForKey(e.key, e.shiftKey);
    if (target && !e.ctrlKey && !e.altKey && !e.metaKey) {
      // F5 would reload the page and F1 open help: the counter owns these keys.
      e.preventDefault();
      setScreen(target);
    }
  });

  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    onSignOut();
  };

  return (
    <BigTextProvider user={user}>
      <div className="shell">
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              B
            </span>
            {t('counter.app.brand')}
          </div>
          <div className="store-name">
            <strong>{info.storeName ?? t('common.store')}</strong>
            <small>
              <bdi dir="ltr">{info.storeCode}</bdi>
              <span data-testid="hub-line">{hubLine(i18n, info.enrolled, sync.status)}</span>
            </small>
          </div>
          <div className="topbar-spacer" />
          <BigTextToggle />
          <LocalePicker />
          <SyncIndicator onOpen={() => setScreen('sync')} />
          <div className="user-chip">
            <div className="who">
              <strong>{user.name}</strong>
              <small>{t(`role.${user.role}`)}</small>
            </div>
            <button className="btn btn-ghost btn-sm" onClick={() => void signOut()}>
              {t('counter.app.signOut')}
            </button>
          </div>
        </header>
        <nav className="rail" aria-label={t('counter.app.screens')}>
          {screens.map((s) => (
            <div key={s.id}>
              {s.id === firstBelowLine && <div className="rail-sep" />}
              <button
                className="rail-item"
                aria-current={screen === s.id ? 'page' : undefined}
                onClick={() => setScreen(s.id)}
              >
                <span className="rail-label">{t(s.label)}</span>
                <kbd>{keyCap(s)}</kbd>
              </button>
            </div>
          ))}
        </nav>
        <main className="main">
          {screen === 'counter' && <CounterScreen />}
          {screen === 'khata' && <KhataScreen canSetLimit={user.role !== 'staff'} />}
          {screen === 'receive' && <ReceiveScreen />}
          {screen === 'remove' && <RemoveScreen />}
          {screen === 'purchases' && <PurchasesScreen />}
          {screen === 'transfers' && <TransfersScreen />}
          {screen === 'count' && <CountScreen />}
          {screen === 'stock' && <StockScreen />}
          {screen === 'history' && <HistoryScreen />}
          {screen === 'sync' && <SyncScreen />}
          {screen === 'returns' && <ReturnsScreen />}
          {screen === 'shift' && <ShiftScreen />}
          {screen === 'settings' && <SettingsScreen info={info} user={user} onChanged={onInfoChanged} />}
        </main>
      </div>
    </BigTextProvider>
  );
}
