/**
 * One Idempotency-Key per submit. Pressing the button again for the same movement after a
 * failure (the hub may have recorded it and only the answer was lost) reuses the key, so the hub
 * answers with the first result instead of recording it twice; a different movement, or the same
 * one again after a success, gets a new key.
 */
export class SubmitKeys {
  private pending: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = randomKey) {}

  keyFor(body: unknown): string {
    const json = JSON.stringify(body);
    if (this.pending?.body !== json) this.pending = { body: json, key: this.newKey() };
    return this.pending.key;
  }

  /** The hub answered this submit: the next one is a new movement. */
  succeeded(key: string): void {
    if (this.pending?.key === key) this.pending = null;
  }
}

/** crypto.getRandomValues works on plain http too (randomUUID needs a secure context). */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
