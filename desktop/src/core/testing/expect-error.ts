import { DomainError } from '@bazaar/shared';
import { expect } from 'vitest';

/** Await `p`, expect it to fail with a DomainError of `code` (and a message matching `message`); answer the error. */
export async function expectError(p: Promise<unknown>, code: string, message?: RegExp): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe(code);
  if (message) expect((err as DomainError).message).toMatch(message);
  return err as DomainError;
}
