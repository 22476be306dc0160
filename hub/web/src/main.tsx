import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/api-error';
import { AuthProvider } from './auth/auth-context';
import { App } from './app/app';
import { AuthI18nProvider } from './i18n/auth-i18n';
import './styles.css';
import './i18n/fonts.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors (bad filter, forbidden) will not fix themselves; retry only network/5xx.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <AuthI18nProvider>
          <App />
        </AuthI18nProvider>
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
