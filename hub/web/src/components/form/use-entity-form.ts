import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, type FieldErrors } from '../../api/api-error';
import { bodyResolver, flatErrors, type Draft } from './body-resolver';

interface EntityFormOptions<V extends FieldValues, Saved> {
  defaultValues: DefaultValues<V>;
  /** The shared schema the hub checks the body with (create or update). */
  schema: z.ZodType<unknown, FieldValues>;
  toBody(values: V): Draft;
  save(body: unknown): Promise<Saved>;
  /** Query keys that show this entity and must refetch after a save. */
  invalidate?: readonly string[];
  /** The entity's own cache entry, filled with the saved row. */
  cacheKey?: Saved extends { id: string } ? string : never;
  onSaved?(saved: Saved): void;
}

/**
 * A create/edit form over react-hook-form: typed text in, the shared zod schema decides, the hub
 * saves; field messages come from the schema first and from the hub's answer after.
 */
export function useEntityForm<V extends FieldValues, Saved>(o: EntityFormOptions<V, Saved>) {
  const qc = useQueryClient();
  const form = useForm<V, unknown, unknown>({ defaultValues: o.defaultValues, resolver: bodyResolver(o.schema, o.toBody), reValidateMode: 'onSubmit' });
  const [hubErrors, setHubErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: o.save,
    onSuccess: (saved) => {
      if (o.cacheKey && saved && typeof saved === 'object' && 'id' in saved) qc.setQueryData([o.cacheKey, saved.id], saved);
      for (const key of o.invalidate ?? []) void qc.invalidateQueries({ queryKey: [key] });
      o.onSaved?.(saved);
    },
    onError: (err) => setHubErrors(err instanceof ApiError ? err.fieldErrors() : {}),
  });
  const submit = form.handleSubmit(
    (body) => {
      setHubErrors({});
      save.mutate(body);
    },
    () => setHubErrors({}),
  );
  return { form, register: form.register, errors: { ...hubErrors, ...flatErrors(form.formState.errors) }, submit, save };
}

/** A trimmed optional text: empty means "not set" (null), as the schemas expect. */
export function optional(text: string): string | null {
  return text.trim() || null;
}

interface CrudApi<C, U, Saved> {
  create(body: C): Promise<Saved>;
  update(id: string, body: U): Promise<Saved>;
}

/** Create or edit: the schema to check with and the call that saves, by whether the row exists yet. */
export function createOrUpdate<C, U, Saved>(row: { id: string } | null, api: CrudApi<C, U, Saved>, schemas: { create: z.ZodType<C, FieldValues>; update: z.ZodType<U, FieldValues> }) {
  return {
    schema: row ? schemas.update : schemas.create,
    save: (body: unknown) => (row ? api.update(row.id, schemas.update.parse(body)) : api.create(schemas.create.parse(body))),
  };
}
