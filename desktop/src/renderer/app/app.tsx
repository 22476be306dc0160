import { useCallback, useEffect, useState } from 'react';
import type { SessionUser, StoreInfo } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { SetupScreen } from '../session/setup.screen';
import { SignInScreen } from '../session/sign-in.screen';
import { SyncProvider } from '../sync/sync-context';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { Shell } from './shell';

/** Decides between first-run setup, sign-in and the counter itself. */
export function App() {
  const api = useApi();
  const { t, startWith } = useI18n();
  const [info, setInfo] = useState<StoreInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api.info().then(
      (i) => {
        startWith(i);
        setInfo(i);
        setFailure(null);
      },
      (err: unknown) => setFailure(asApiError(err).message),
    );
  }, [api, startWith]);

  useEffect(refresh, [refresh]);

  if (failure) {
    return (
      <div className="center-page">
        <Notice kind="error">{failure}</Notice>
        <button className="btn" onClick={refresh}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  if (!info) return <div className="center-page muted">{t('counter.app.opening')}</div>;
  if (!info.initialised || !info.usersExist) return <SetupScreen info={info} onDone={refresh} />;
  if (!info.session) return <SignInScreen info={info} onSignedIn={refresh} />;
  return (
    <SyncProvider>
      <Shell info={info} user={info.session} onSignOut={refresh} onInfoChanged={refresh} />
    </SyncProvider>
  );
}

export type { SessionUser };
