import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginResult, User } from '@bazaar/shared';
import { setAuthToken, setUnauthenticatedHandler } from '../api/client';
import { authApi } from '../api/endpoints';
import { loadSession, saveSession } from '../api/session';

interface AuthState {
  user: User | null;
  signIn(result: LoginResult): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<LoginResult | null>(() => {
    const s = loadSession();
    setAuthToken(s?.token ?? null);
    return s;
  });

  const clear = useCallback(() => {
    saveSession(null);
    setAuthToken(null);
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => setUnauthenticatedHandler(clear), [clear]);

  // Refresh the user (role, store assignments) once per load: an admin may have changed them.
  useEffect(() => {
    if (!session) return;
    let live = true;
    // Through the query client, so a second mount (React's strict mode) shares the one request.
    queryClient
      .fetchQuery({ queryKey: ['auth', 'me', session.token], queryFn: authApi.me, staleTime: 0 })
      .then((user) => {
        if (!live) return;
        setSession((s) => {
          if (!s) return s;
          const next = { ...s, user };
          saveSession(next);
          return next;
        });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [session?.token, queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      user: session?.user ?? null,
      signIn(result) {
        saveSession(result);
        setAuthToken(result.token);
        queryClient.clear();
        setSession(result);
      },
      async signOut() {
        await authApi.logout().catch(() => {});
        clear();
      },
    }),
    [session, clear, queryClient],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only used inside the signed-in shell. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return user;
}
