import { useSync } from './sync-context';
import { plainSyncError, relativeTime, syncExplanation, syncLabel } from './sync-words';
import { Notice } from '../ui/notice';
import { useI18n } from '../i18n/i18n-context';
import { Screen } from '../ui/screen';

export function SyncScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const { status, statusError, syncing, lastRun, runError, syncNow } = useSync();
  return (
    <Screen
      name="sync"
      title={t('sync.title')}
      intro={t('sync.intro')}
      actions={
        <button className="btn btn-primary" disabled={syncing || !status?.enrolled} onClick={() => void syncNow()} data-testid="sync-now">
          {syncing ? t('sync.pill.syncing') : t('sync.now')}
        </button>
      }
    >
      {statusError && <Notice kind="error">{statusError.message}</Notice>}
      {status && (
        <>
          <div className={`sync-banner sync-banner-${status.state}`} data-testid="sync-state" data-state={status.state}>
            <span className="sync-banner-state">{syncLabel(i18n, status)}</span>
            <span>{syncExplanation(i18n, status)}</span>
          </div>
          <div className="tiles">
            <div className={`tile ${status.pendingMovements > 0 ? 'tile-low' : 'tile-ok'}`}>
              <span className="tile-label">{t('sync.tile.waiting')}</span>
              <span className="tile-value" data-testid="pending-count">
                {status.pendingMovements}
              </span>
              <span className="tile-foot">
                {t('sync.tile.movements')}
                {status.pendingProducts > 0 ? t('sync.tile.newProducts', { count: status.pendingProducts }) : ''}
              </span>
            </div>
            <div className="tile tile-brand">
              <span className="tile-label">{t('sync.tile.lastSuccess')}</span>
              <span className="tile-value tile-value-sm">{relativeTime(i18n, status.lastSuccessAt)}</span>
              <span className="tile-foot">{status.lastSuccessAt ? i18n.dateTime(status.lastSuccessAt) : t('sync.tile.notYet')}</span>
            </div>
            <div className="tile tile-brand">
              <span className="tile-label">{t('sync.tile.confirmed')}</span>
              <span className="tile-value">{status.ackedSeq}</span>
              <span className="tile-foot">{t('sync.tile.ofRecorded', { count: status.lastSeq })}</span>
            </div>
            <div className={`tile ${status.rejectedMovements > 0 ? 'tile-out' : 'tile-ok'}`}>
              <span className="tile-label">{t('sync.tile.rejected')}</span>
              <span className="tile-value">{status.rejectedMovements}</span>
              <span className="tile-foot">{status.rejectedMovements > 0 ? t('sync.tile.rejectedSee') : t('sync.tile.none')}</span>
            </div>
          </div>
          {status.lastError && (
            <Notice kind={status.state === 'online' ? 'warn' : 'error'}>
              <div>
                <div>
                  {status.state === 'online' ? t('sync.earlier') : ''}
                  {plainSyncError(i18n, status.lastError)}
                </div>
                <div className="muted small">
                  {t('sync.failures', { when: relativeTime(i18n, status.lastErrorAt), count: status.consecutiveFailures, details: status.lastError })}
                </div>
              </div>
            </Notice>
          )}
          {runError && <Notice kind="error">{t('sync.nowFailed', { error: plainSyncError(i18n, runError.message) })}</Notice>}
          {lastRun && !runError && (
            <Notice kind="ok">
              {t('sync.ran', { pushed: lastRun.pushedMovements, products: lastRun.pulledProducts, rows: lastRun.pulledStockRows })}
            </Notice>
          )}
          <div className="card card-pad">
            <dl className="facts">
              <dt>{t('common.hub')}</dt>
              <dd className="mono">{status.hubUrl ?? t('sync.fact.notEnrolled')}</dd>
              <dt>{t('sync.fact.lastAttempt')}</dt>
              <dd>{relativeTime(i18n, status.lastAttemptAt)}</dd>
              <dt>{t('sync.fact.clock')}</dt>
              <dd>{Math.abs(status.clockOffsetMs) < 1000 ? t('sync.fact.inStep') : t('sync.fact.offset', { seconds: Math.round(status.clockOffsetMs / 1000) })}</dd>
            </dl>
          </div>
        </>
      )}
    </Screen>
  );
}
