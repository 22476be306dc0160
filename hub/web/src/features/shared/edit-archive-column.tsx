import type { Translator } from '@bazaar/shared';
import type { Column } from '../../components/data-table';
import { actionsColumn } from '../../components/list-page/catalog-parts';
import { ArchiveButton } from './archive-button';

interface Archivable {
  id: string;
  name: string;
  archived: boolean;
}

interface ArchiveApi {
  archive(id: string): Promise<unknown>;
  update(id: string, body: { archived: boolean }): Promise<unknown>;
}

/** Edit and archive (or restore) at the end of a catalog row. */
export function editArchiveColumn<T extends Archivable>(
  t: Translator['t'],
  edit: (row: T) => void,
  api: ArchiveApi,
  invalidate: string,
  confirmText?: (row: T) => Promise<string>,
): Column<T> {
  return actionsColumn(t, edit, (row) => (
    <ArchiveButton
      archived={row.archived}
      name={row.name}
      archive={() => api.archive(row.id)}
      restore={() => api.update(row.id, { archived: false })}
      invalidate={invalidate}
      {...(confirmText ? { confirmText: () => confirmText(row) } : {})}
    />
  ));
}
