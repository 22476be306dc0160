import type { InputHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../field';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: string;
  wide?: boolean;
  /** The form's `register(name)` for this box. */
  field: UseFormRegisterReturn;
}

/** A labelled text box of a react-hook-form form, its message under it. */
export function TextField({ label, error, hint, wide, field, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})} {...(wide ? { wide } : {})}>
      {(id, d) => <input id={id} aria-describedby={d} {...input} {...field} />}
    </Field>
  );
}
