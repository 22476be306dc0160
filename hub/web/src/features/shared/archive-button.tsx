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
  confirmText,
}: {
  archived: boolean;
  name: string;
  archive(): Promise<unknown>;
  restore(): Promise<unknown>;
  invalidate: string;
  /** The question to ask before archiving, when it needs the hub's word on what archiving does. */
  confirmText?: () => Promise<string>;
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
        if (archived) return m.mutate();
        void (confirmText ? confirmText() : Promise.resolve(t('web.archive.confirm', { name }))).then(
          (question) => window.confirm(question) && m.mutate(),
          (err: unknown) => window.alert(errorMessage(err)),
        );
      }}
    >
      {archived ? t('web.archive.restore') : t('web.archive.archive')}
    </button>
  );
}
