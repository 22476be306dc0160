import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { opsApi } from '../../api/endpoints';
import { errorMessage } from '../../api/api-error';
import { Field, FormError } from '../../components/field';
import { fmtDateTime } from '../../components/format';
import { PasswordForm } from '../../auth/password.form';
import { useI18n } from '../../i18n/i18n-context';
import { healthParts, type HealthPart } from './hub-status';
import { HubMoneySection } from './hub-money.section';
import { CreditSharingSection } from '../receivables/credit-sharing.section';

function PartValue({ part }: { part: HealthPart }) {
  const i18n = useI18n();
  const { t } = i18n;
  const tone = part.state === 'ok' ? 'good' : part.state === 'down' ? 'bad' : part.state === 'not_configured' ? 'neutral' : 'warn';
  const extra = [
    part.latencyMs !== undefined ? t('web.settings.latency', { ms: part.latencyMs }) : null,
    part.jobs ? t('web.settings.jobsWaiting', part.jobs) : null,
    part.mode ?? null,
    part.detail ?? null,
  ].filter((x): x is string => !!x);
  return (
    <>
      {part.state && <span className={`badge badge-tone-${tone}`}>{t(`web.settings.state.${part.state}`)}</span>}
      {part.count !== undefined && <strong>{i18n.number(part.count)}</strong>}
      {part.time && <span>{fmtDateTime(part.time, i18n)}</span>}
      {extra.length > 0 && <small className="muted"> {extra.join(' · ')}</small>}
    </>
  );
}

function HubStatus() {
  const { t } = useI18n();
  const health = useQuery({ queryKey: ['health'], queryFn: opsApi.health, refetchInterval: 30_000 });
  return (
    <section className="card">
      <h3>{t('web.settings.status')}</h3>
      {health.error ? (
        <p className="form-error">{errorMessage(health.error)}</p>
      ) : (
        <dl className="facts" data-testid="hub-status">
          {healthParts(health.data ?? {}).map((part) => (
            <div key={part.key}>
              <dt>{t(part.label)}</dt>
              <dd>
                <PartValue part={part} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted small">{t('web.settings.served', { origin: window.location.origin })}</p>
    </section>
  );
}

function YourPassword() {
  const { t } = useI18n();
  // The form clears itself after a change by starting again.
  const [round, setRound] = useState(0);
  return (
    <section className="card">
      <h3>{t('web.settings.yourPassword')}</h3>
      <PasswordForm key={round} onDone={() => setRound((r) => r + 1)} />
    </section>
  );
}

function DemoData() {
  const { t } = useI18n();
  const [stores, setStores] = useState('20');
  const [products, setProducts] = useState('200');
  const gen = useMutation({ mutationFn: () => opsApi.generateDummyData({ stores: Number(stores), products: Number(products) }) });
  const jobId = gen.data?.job.id;
  const progress = useQuery({
    queryKey: ['dev', 'job', jobId],
    queryFn: () => opsApi.dummyDataJob(jobId as string),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data?.job.state === 'running' ? 1_000 : false),
  });
  const job = progress.data?.job ?? gen.data?.job;
  return (
    <section className="card">
      <h3>{t('web.settings.demo')}</h3>
      <p className="muted">{t('web.settings.demoHint')}</p>
      <div className="form-grid">
        <Field label={t('web.settings.stores')}>{(id) => <input id={id} inputMode="numeric" value={stores} onChange={(e) => setStores(e.target.value)} />}</Field>
        <Field label={t('web.settings.products')}>{(id) => <input id={id} inputMode="numeric" value={products} onChange={(e) => setProducts(e.target.value)} />}</Field>
      </div>
      <FormError message={gen.error ? errorMessage(gen.error) : null} />
      {job && (
        <p className={`notice ${job.state === 'failed' ? 'notice-warn' : 'notice-ok'}`} role="status" data-testid="demo-job">
          {job.state === 'running'
            ? t('web.settings.job.running', { phase: job.phase ?? '', done: job.done ?? 0, total: job.total ?? 0 })
            : job.state === 'done'
              ? t('web.settings.job.done')
              : t('web.settings.job.failed', { error: job.error ?? '' })}
        </p>
      )}
      {gen.data?.staffPassword && <p className="notice notice-warn mono">{t('web.settings.staffPassword', { password: gen.data.staffPassword })}</p>}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => gen.mutate()} disabled={gen.isPending || job?.state === 'running'}>
          {gen.isPending || job?.state === 'running' ? t('web.settings.generating') : t('web.settings.generate')}
        </button>
      </div>
    </section>
  );
}

export function SettingsPage() {
  return (
    <div className="page settings-grid">
      <HubStatus />
      <HubMoneySection />
      <CreditSharingSection />
      <YourPassword />
      <DemoData />
    </div>
  );
}
