import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';

/** Archive (DELETE) or restore (PATCH archived:false); history keeps pointing at archived rows. */
export function ArchiveButton({
  archived,
  name,
  archive,
  restore,
  invalidate,
}: {
  archived: boolean;
  name: string;
  archive(): Promise<unknown>;
  restore(): Promise<unknown>;
  invalidate: string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => (archived ? restore() : archive()),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [invalidate] }),
    onError: (err) => window.alert(errorMessage(err)),
  });
  return (
    <button
      type="button"
      className={`btn btn-sm ${archived ? '' : 'btn-danger-ghost'}`}
      disabled={m.isPending}
      onClick={(e) => {
        e.stopPropagation();
        if (archived || window.confirm(t('web.archive.confirm', { name }))) m.mutate();
      }}
    >
      {archived ? t('web.archive.restore') : t('web.archive.archive')}
    </button>
  );
}
