import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The floor for HTTP throughput: bare Hono on @hono/node-server answering a small JSON body. */
const app = new Hono().get('/hello', (c) => c.json({ hello: 'world', items: [{ sku: 'AASH-WHAT-5KG', qty: 42 }] }));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8841);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
