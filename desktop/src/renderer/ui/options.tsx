import type { ReactNode } from 'react';

interface OptionsProps<T> {
  items: readonly T[] | undefined;
  /** The option's value; the item itself for a list of strings. */
  value?: (item: T) => string;
  label?: (item: T) => ReactNode;
}

/** The `<option>`s of a select, one per item (none while the list is still loading). */
export function Options<T>({ items, value = String, label = value }: OptionsProps<T>) {
  return (
    <>
      {(items ?? []).map((item) => (
        <option key={value(item)} value={value(item)}>
          {label(item)}
        </option>
      ))}
    </>
  );
}
