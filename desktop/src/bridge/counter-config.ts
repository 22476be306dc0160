import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Everything `pnpm counter` can be told, parsed once; a bad value stops it with every problem listed. */
const configSchema = z.object({
  dataDir: z.string().min(1),
  /** Built renderer to serve; null = desktop/dist/renderer. */
  rendererDir: z.string().min(1).nullable(),
  port: z.coerce.number().int().min(0).max(65535),
  build: z.boolean(),
  syncIntervalMs: z.coerce.number().int().min(500).max(3_600_000),
  syncMaxBackoffMs: z.coerce.number().int().min(500).max(3_600_000),
});
export type CounterConfig = z.infer<typeof configSchema>;

export const counterUsage = `pnpm counter [-- options]

  --data-dir DIR   where the store database lives (env BAZAAR_DATA_DIR; default ./data/counter)
  --port N         port on 127.0.0.1 (env COUNTER_PORT; default 8820; 0 = any free port)
  --no-build       serve the renderer already built (desktop/dist/renderer, or --renderer-dir DIR)
  env COUNTER_SYNC_INTERVAL_MS (default 30000), COUNTER_SYNC_MAX_BACKOFF_MS (default 60000)`;

export function loadCounterConfig(argv: string[], env: NodeJS.ProcessEnv): CounterConfig {
  const { values } = parseArgs({
    // `pnpm counter -- --port 9000` passes the "--" through.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(counterUsage);
    process.exit(0);
  }
  // pnpm runs the script inside desktop/; INIT_CWD is where the user typed the command.
  const base = env.INIT_CWD ?? process.cwd();
  const parsed = configSchema.safeParse({
    dataDir: resolve(base, values['data-dir'] ?? env.BAZAAR_DATA_DIR ?? 'data/counter'),
    port: values.port ?? env.COUNTER_PORT ?? 8820,
    rendererDir: values['renderer-dir'] ? resolve(base, values['renderer-dir']) : null,
    build: !values['no-build'] && env.COUNTER_SKIP_BUILD !== '1',
    syncIntervalMs: env.COUNTER_SYNC_INTERVAL_MS ?? 30_000,
    syncMaxBackoffMs: env.COUNTER_SYNC_MAX_BACKOFF_MS ?? 60_000,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`pnpm counter: ${i.path.join('.')}: ${i.message}`);
    console.error(`\n${counterUsage}`);
    process.exit(2);
  }
  return parsed.data;
}
