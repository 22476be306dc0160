import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supplierCreateSchema, supplierUpdateSchema, type Supplier } from '@bazaar/shared';
import { ApiError, errorMessage, type FieldErrors } from '../../api/api-error';
import { suppliersApi } from '../../api/endpoints';
import { Field, FormError } from '../../components/field';
import { zodFieldErrors } from '../../components/zod-errors';

export function SupplierForm({ supplier, onDone }: { supplier: Supplier | null; onDone(): void }) {
  const qc = useQueryClient();
  const [f, setF] = useState({ name: supplier?.name ?? '', phone: supplier?.phone ?? '', email: supplier?.email ?? '', address: supplier?.address ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      supplier ? suppliersApi.update(supplier.id, supplierUpdateSchema.parse(body)) : suppliersApi.create(supplierCreateSchema.parse(body)),
    onSuccess: (saved) => {
      qc.setQueryData(['supplier', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['suppliers'] });
      onDone();
    },
    onError: (err) => setErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = { name: f.name, phone: f.phone.trim() || null, email: f.email.trim() || null, address: f.address.trim() || null };
    const parsed = (supplier ? supplierUpdateSchema : supplierCreateSchema).safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    save.mutate(body);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={supplier ? 'Edit supplier' : 'New supplier'}>
      <div className="form-grid">
        <Field label="Name" error={errors.name} wide>
          {(id, d) => <input id={id} name="name" aria-describedby={d} value={f.name} onChange={set('name')} />}
        </Field>
        <Field label="Phone" error={errors.phone}>
          {(id, d) => <input id={id} name="phone" type="tel" aria-describedby={d} value={f.phone} onChange={set('phone')} />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(id, d) => <input id={id} name="email" type="email" aria-describedby={d} value={f.email} onChange={set('email')} />}
        </Field>
        <Field label="Address" error={errors.address} wide>
          {(id, d) => <textarea id={id} name="address" rows={2} aria-describedby={d} value={f.address} onChange={set('address')} />}
        </Field>
      </div>
      <FormError message={save.error ? `Not saved: ${errorMessage(save.error)}` : null} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : supplier ? 'Save changes' : 'Create supplier'}
        </button>
      </div>
    </form>
  );
}
