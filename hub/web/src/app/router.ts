import { useSyncExternalStore } from 'react';

const EVENT = 'bazaar:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query; the hub answers index.html for every non-API path, so deep links work. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
}

export function navigate(to: string, { replace = false } = {}): void {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

/** The sign-in page, remembering where the visitor was (a deep link, or a page whose session expired). */
export function signInPathFor(current: string): string {
  return current === '/' || current.startsWith('/sign-in') ? '/sign-in' : `/sign-in?${new URLSearchParams({ next: current }).toString()}`;
}

/** Where to go after signing in: back to the remembered page when it is one of ours, else the overview. */
export function afterSignInPath(search: string = window.location.search): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') && !next.startsWith('/register') ? next : '/overview';
}
