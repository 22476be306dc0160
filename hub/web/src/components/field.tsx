import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
  wide?: boolean;
  /** Two grid columns: for a control whose words do not fit one (e.g. a select of long options). */
  double?: boolean;
}

/** A labelled form control with its API or client validation message right under it. */
export function Field({ label, error, hint, children, wide, double }: FieldProps) {
  const id = useId();
  const msgId = `${id}-msg`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}${double ? ' field-double' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, error || hint ? msgId : undefined)}
      {error ? (
        <p className="field-error" id={msgId} role="alert" data-field-error>
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={msgId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
