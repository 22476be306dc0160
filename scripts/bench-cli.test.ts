import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * hub/bench/README.md: "Without DATABASE_URL / BENCH_DATABASE_URL, `pnpm bench` says what it
 * needs and exits 1", and `--help` says where results go. The runner as a person starts it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const runner = path.join(root, 'hub/bench/run.ts');
const env = { PATH: process.env.PATH, HOME: process.env.HOME };

describe('pnpm bench, before it measures anything', () => {
  it('without a database it names what it needs and exits 1', () => {
    const run = spawnSync(tsx, [runner, '--quick'], { cwd: root, encoding: 'utf8', env });
    expect(run.status).toBe(1);
    expect(run.stderr + run.stdout).toMatch(/needs PostgreSQL: set BENCH_DATABASE_URL or DATABASE_URL/);
  });

  it('--help says where the results go and exits 0', () => {
    const run = spawnSync(tsx, [runner, '--help'], { cwd: root, encoding: 'utf8', env });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/hub\/bench\/output\/ \(ignored\); --save writes them to hub\/bench\/results\//);
  });
});
