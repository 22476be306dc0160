import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { storeCreateSchema, storeUpdateSchema, type Store } from '@bazaar/shared';
import { ApiError, errorMessage, type FieldErrors } from '../../api/api-error';
import { storesApi } from '../../api/endpoints';
import { Field, FormError } from '../../components/field';
import { zodFieldErrors } from '../../components/zod-errors';

export function StoreForm({ store, onDone }: { store: Store | null; onDone(): void }) {
  const qc = useQueryClient();
  const [f, setF] = useState({
    code: store?.code ?? '',
    name: store?.name ?? '',
    region: store?.region ?? '',
    location: store?.location ?? '',
    varianceThreshold: String(store?.varianceThreshold ?? 10),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      store ? storesApi.update(store.id, storeUpdateSchema.parse(body)) : storesApi.create(storeCreateSchema.parse(body)),
    onSuccess: (saved) => {
      qc.setQueryData(['store', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['stores'] });
      onDone();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      code: f.code,
      name: f.name,
      region: f.region.trim() || null,
      location: f.location.trim() || null,
      varianceThreshold: Number(f.varianceThreshold),
    };
    const parsed = (store ? storeUpdateSchema : storeCreateSchema).safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    save.mutate(body);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={store ? 'Edit store' : 'New store'}>
      <div className="form-grid">
        <Field label="Code" error={errors.code} hint="Short unique code, e.g. BLR-014">
          {(id, d) => <input id={id} name="code" aria-describedby={d} value={f.code} onChange={set('code')} />}
        </Field>
        <Field label="Name" error={errors.name}>
          {(id, d) => <input id={id} name="name" aria-describedby={d} value={f.name} onChange={set('name')} />}
        </Field>
        <Field label="Region" error={errors.region}>
          {(id, d) => <input id={id} name="region" aria-describedby={d} value={f.region} onChange={set('region')} />}
        </Field>
        <Field label="Count variance threshold" error={errors.varianceThreshold} hint="Base units; larger count differences are flagged">
          {(id, d) => <input id={id} name="varianceThreshold" aria-describedby={d} inputMode="numeric" value={f.varianceThreshold} onChange={set('varianceThreshold')} />}
        </Field>
        <Field label="Address / location" error={errors.location} wide>
          {(id, d) => <input id={id} name="location" aria-describedby={d} value={f.location} onChange={set('location')} />}
        </Field>
      </div>
      <FormError message={save.error ? `Not saved: ${errorMessage(save.error)}` : null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : store ? 'Save changes' : 'Create store'}
        </button>
      </div>
    </form>
  );
}
