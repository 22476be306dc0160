import { fileURLToPath } from 'node:url';

/** The repository, and the UI code whose text people read: the counter, the head-office app, the CLI. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const uiRoots = ['desktop/src/renderer', 'hub/web/src', 'desktop/src/cli'];

export function findingKey(f: { file: string; text: string }): string {
  return `${f.file}: ${f.text}`;
}
