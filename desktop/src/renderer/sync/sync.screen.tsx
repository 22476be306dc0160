import { useSync } from './sync-context';
import { plainSyncError, relativeTime, syncExplanation, syncLabel } from './sync-words';
import { Notice } from '../ui/notice';

export function SyncScreen() {
  const { status, statusError, syncing, lastRun, runError, syncNow } = useSync();
  return (
    <section className="screen" aria-labelledby="sync-title">
      <div className="screen-head">
        <div>
          <h1 id="sync-title">Sync with the hub</h1>
          <p>Sales are always saved on this computer first; the hub gets them when it can be reached.</p>
        </div>
        <button className="btn btn-primary" disabled={syncing || !status?.enrolled} onClick={() => void syncNow()} data-testid="sync-now">
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {statusError && <Notice kind="error">{statusError.message}</Notice>}
      {status && (
        <>
          <div className={`sync-banner sync-banner-${status.state}`} data-testid="sync-state" data-state={status.state}>
            <span className="sync-banner-state">{syncLabel(status)}</span>
            <span>{syncExplanation(status)}</span>
          </div>
          <div className="tiles">
            <div className={`tile ${status.pendingMovements > 0 ? 'tile-low' : 'tile-ok'}`}>
              <span className="tile-label">Waiting to send</span>
              <span className="tile-value" data-testid="pending-count">
                {status.pendingMovements}
              </span>
              <span className="tile-foot">
                movements{status.pendingProducts > 0 ? ` + ${status.pendingProducts} new products` : ''}
              </span>
            </div>
            <div className="tile tile-brand">
              <span className="tile-label">Last successful sync</span>
              <span className="tile-value tile-value-sm">{relativeTime(status.lastSuccessAt)}</span>
              <span className="tile-foot">{status.lastSuccessAt ? new Date(status.lastSuccessAt).toLocaleString() : 'not yet'}</span>
            </div>
            <div className="tile tile-brand">
              <span className="tile-label">Sent and confirmed</span>
              <span className="tile-value">{status.ackedSeq}</span>
              <span className="tile-foot">of {status.lastSeq} recorded here</span>
            </div>
            <div className={`tile ${status.rejectedMovements > 0 ? 'tile-out' : 'tile-ok'}`}>
              <span className="tile-label">Rejected by the hub</span>
              <span className="tile-value">{status.rejectedMovements}</span>
              <span className="tile-foot">{status.rejectedMovements > 0 ? 'see History; head office reviews them' : 'none'}</span>
            </div>
          </div>
          {status.lastError && (
            <Notice kind={status.state === 'online' ? 'warn' : 'error'}>
              <div>
                <div>
                  {status.state === 'online' ? 'Earlier problem: ' : ''}
                  {plainSyncError(status.lastError)}
                </div>
                <div className="muted small">
                  {relativeTime(status.lastErrorAt)} · {status.consecutiveFailures} failed attempt{status.consecutiveFailures === 1 ? '' : 's'} in a row · details: {status.lastError}
                </div>
              </div>
            </Notice>
          )}
          {runError && <Notice kind="error">Sync now failed: {plainSyncError(runError.message)}</Notice>}
          {lastRun && !runError && (
            <Notice kind="ok">
              Sent {lastRun.pushedMovements} movement{lastRun.pushedMovements === 1 ? '' : 's'}, received {lastRun.pulledProducts} product update
              {lastRun.pulledProducts === 1 ? '' : 's'} and {lastRun.pulledStockRows} stock row{lastRun.pulledStockRows === 1 ? '' : 's'}.
            </Notice>
          )}
          <div className="card card-pad">
            <dl className="facts">
              <dt>Hub</dt>
              <dd className="mono">{status.hubUrl ?? 'not enrolled'}</dd>
              <dt>Last attempt</dt>
              <dd>{relativeTime(status.lastAttemptAt)}</dd>
              <dt>Clock offset</dt>
              <dd>{Math.abs(status.clockOffsetMs) < 1000 ? 'in step with the hub' : `${Math.round(status.clockOffsetMs / 1000)} s from the hub (corrected automatically)`}</dd>
            </dl>
          </div>
        </>
      )}
    </section>
  );
}
