/** Minimal JSON client for the benchmarks: real HTTP, nothing cached on the client side. */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  ms: number;
  headers: Headers;
}

export async function call<T = unknown>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<ApiAnswer<T>> {
  const started = performance.now();
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json as T, ms, headers: res.headers };
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const r = await call<{ token?: string }>(base, 'POST', '/auth/login', undefined, { username, password });
  if (r.status !== 200 || !r.body?.token) throw new Error(`sign-in as ${username} failed: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  return r.body.token;
}

/** True when the route exists (anything but the hub's 404 "no route"). */
export async function routeExists(base: string, method: string, path: string, token?: string, body?: unknown): Promise<boolean> {
  const r = await call<{ error?: { message?: string } }>(base, method, path, token, body);
  return !(r.status === 404 && typeof r.body?.error?.message === 'string' && r.body.error.message.startsWith('no route'));
}
