import { loginResultSchema, type LoginResult } from '@bazaar/shared';

const KEY = 'bazaar.session';

/** The signed-in session, kept in localStorage so a reload stays signed in until the token expires. */
export function loadSession(): LoginResult | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = loginResultSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    if (Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function saveSession(session: LoginResult | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}
