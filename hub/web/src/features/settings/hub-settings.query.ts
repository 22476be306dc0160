import { useQuery } from '@tanstack/react-query';
import { hubSettingsApi } from '../../api/endpoints';

export const hubSettingsKey = ['hub-settings'] as const;

/** The hub's currency and default language, read once a session (an admin's change refreshes it). */
export function useHubSettings(enabled = true) {
  return useQuery({ queryKey: hubSettingsKey, queryFn: hubSettingsApi.get, enabled, staleTime: 10 * 60_000 });
}
