import { useState } from 'react';

/** Which row a list page is editing: none, a new one, or an existing row. */
export function useEditor<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    open: editing !== null,
    isNew: editing === 'new',
    /** The row being edited; null for a new one. */
    item: editing === 'new' ? null : editing,
    create: () => setEditing('new'),
    edit: (row: T) => setEditing(row),
    close: () => setEditing(null),
  };
}

export type Editor<T> = ReturnType<typeof useEditor<T>>;
