import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { passwordSchema } from '@bazaar/shared';
import { opsApi, usersApi } from '../../api/endpoints';
import { errorMessage } from '../../api/api-error';
import { useUser } from '../../auth/auth-context';
import { Field, FormError } from '../../components/field';
import { fmtDateTime } from '../../components/format';

const statusLabel: Record<string, string> = { status: 'Status', database: 'Database', dbLatencyMs: 'DB latency (ms)', time: 'Hub time', redis: 'Redis', version: 'Version' };

function HubStatus() {
  const health = useQuery({ queryKey: ['health'], queryFn: opsApi.health, refetchInterval: 30_000 });
  return (
    <section className="card">
      <h3>Hub status</h3>
      {health.error ? (
        <p className="form-error">{errorMessage(health.error)}</p>
      ) : (
        <dl className="facts">
          {Object.entries(health.data ?? {}).map(([k, v]) => (
            <div key={k}>
              <dt>{statusLabel[k] ?? k}</dt>
              <dd>{k === 'time' && typeof v === 'string' ? fmtDateTime(v) : typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted small">
        Web app served by this hub at {window.location.origin}. API: {window.location.origin}/api/v1.
      </p>
    </section>
  );
}

function ChangePassword() {
  const me = useUser();
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | undefined>();
  const change = useMutation({ mutationFn: (password: string) => usersApi.update(me.id, { password }) });
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = passwordSchema.safeParse(pw);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    if (pw !== confirm) return setError('the two passwords differ');
    setError(undefined);
    change.mutate(pw, { onSuccess: () => (setPw(''), setConfirm('')) });
  }
  return (
    <section className="card">
      <h3>Your password</h3>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label="New password" error={error}>
            {(id, d) => <input id={id} type="password" autoComplete="new-password" aria-describedby={d} value={pw} onChange={(e) => setPw(e.target.value)} />}
          </Field>
          <Field label="Repeat it">
            {(id) => <input id={id} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
          </Field>
        </div>
        <FormError message={change.error ? errorMessage(change.error) : null} />
        {change.isSuccess && <p className="notice notice-ok">Password changed. Other sessions keep working until they expire.</p>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}

function DemoData() {
  const [stores, setStores] = useState('20');
  const [products, setProducts] = useState('200');
  const gen = useMutation({ mutationFn: () => opsApi.generateDummyData({ stores: Number(stores), products: Number(products) }) });
  return (
    <section className="card">
      <h3>Demo data</h3>
      <p className="muted">Fill a trial hub with stores, products and a month of movements. Disabled on production hubs.</p>
      <div className="form-grid">
        <Field label="Stores">{(id) => <input id={id} inputMode="numeric" value={stores} onChange={(e) => setStores(e.target.value)} />}</Field>
        <Field label="Products">{(id) => <input id={id} inputMode="numeric" value={products} onChange={(e) => setProducts(e.target.value)} />}</Field>
      </div>
      <FormError message={gen.error ? errorMessage(gen.error) : null} />
      {gen.data && <pre className="json">{JSON.stringify(gen.data, null, 2)}</pre>}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => gen.mutate()} disabled={gen.isPending}>
          {gen.isPending ? 'Generating…' : 'Generate demo data'}
        </button>
      </div>
    </section>
  );
}

export function SettingsPage() {
  return (
    <div className="page settings-grid">
      <HubStatus />
      <ChangePassword />
      <DemoData />
    </div>
  );
}
