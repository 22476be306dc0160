import { DomainError, UnitError, type ErrorCode } from '@bazaar/shared';
import { CommanderError } from 'commander';
import { cliT } from './cli.i18n';

/** Exit codes, also printed by `--help`. */
export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  NOT_FOUND: 3,
  CONFLICT: 4,
  UNPROCESSABLE: 5,
  AUTH: 6,
  HUB: 7,
  AUDIT_BROKEN: 8,
  PARTIAL_IMPORT: 9,
  NOT_CONFIRMED: 10,
} as const;

/** The exit codes and environment, after `--help`, in the CLI's language. */
export const exitHelp = (): string => cliT.t('cli.help.exitCodes');

const codeExit: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: EXIT.USAGE,
  VALIDATION_FAILED: EXIT.USAGE,
  INVALID_JSON: EXIT.USAGE,
  INVALID_CURSOR: EXIT.USAGE,
  NOT_FOUND: EXIT.NOT_FOUND,
  CONFLICT: EXIT.CONFLICT,
  DUPLICATE_SKU: EXIT.CONFLICT,
  DUPLICATE_BARCODE: EXIT.CONFLICT,
  DUPLICATE_CODE: EXIT.CONFLICT,
  UNPROCESSABLE: EXIT.UNPROCESSABLE,
  UNAUTHENTICATED: EXIT.AUTH,
  TOKEN_EXPIRED: EXIT.AUTH,
  FORBIDDEN: EXIT.AUTH,
  SERVICE_UNAVAILABLE: EXIT.HUB,
  SEQ_GAP: EXIT.HUB,
  SEQ_CONTENT_MISMATCH: EXIT.HUB,
  RATE_LIMITED: EXIT.HUB,
};

/** Thrown by commands to end with a given exit code after printing their own output. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof ExitWith) return err.code;
  if (err instanceof DomainError) return codeExit[err.code] ?? EXIT.INTERNAL;
  if (err instanceof UnitError) return EXIT.USAGE;
  if (err instanceof CommanderError) return EXIT.USAGE;
  if (err instanceof Error && err.name === 'HubError') return EXIT.HUB;
  return EXIT.INTERNAL;
}

export function printError(err: unknown, json: boolean): void {
  if (err instanceof ExitWith) return;
  const code: ErrorCode = err instanceof DomainError ? err.code : err instanceof UnitError ? 'VALIDATION_FAILED' : err instanceof Error && err.name === 'HubError' ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  const message = err instanceof Error ? err.message : String(err);
  if (json) {
    process.stdout.write(`${JSON.stringify({ error: { code, message, details: err instanceof DomainError ? err.details : undefined } })}\n`);
  } else {
    process.stderr.write(`${cliT.t('cli.error', { message })}\n`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain text table: numbers right-aligned, everything else left-aligned. */
export function table(headers: string[], rows: (string | number)[][], rightAlign: number[] = []): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (rightAlign.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt)].join('\n') + '\n';
}
