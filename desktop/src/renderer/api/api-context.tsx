import { createContext, useContext, type ReactNode } from 'react';
import type { CounterApi } from '../../bridge/api-operations';

const ApiContext = createContext<CounterApi | null>(null);

export function ApiProvider({ api, children }: { api: CounterApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): CounterApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
