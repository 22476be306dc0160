import type { ReactNode } from 'react';

/** One `<option>` per value, worded by `label` (the value itself when there is none). */
export function Options<T extends string>({ values, label }: { values: readonly T[]; label?: (value: T) => ReactNode }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {label ? label(v) : v}
        </option>
      ))}
    </>
  );
}
