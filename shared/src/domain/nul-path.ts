/**
 * The path of the first string (value or key) holding a NUL character, or null. PostgreSQL
 * refuses NUL in text (22021) without saying which field; this names it before anything is stored.
 */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k.split('\u0000').join('\\0')].join('.');
      const found = nulPath(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}
