import path from 'node:path';
import autocannon from 'autocannon';
import { fmtStat, ratioOf, type BenchRow } from './lib/report';
import { hubDir, startProcess } from './lib/hub-process';
import { call } from './lib/api';
import { fmt, stat } from './lib/stats';

export interface HttpContext {
  hubUrl: string;
  adminToken: string;
  helloPort: number;
  runs: number;
  durationSeconds: number;
  log: (msg: string) => void;
}

const CONNECTIONS = 50;

async function cannon(url: string, headers: Record<string, string>, seconds: number): Promise<{ rps: number; non2xx: number; p99: number }> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return { rps: r.requests.average, non2xx: r.non2xx + r.errors, p99: r.latency.p99 };
}

/** Requests per second of a cached list endpoint with 50 connections, against bare Hono in the same run. */
export async function runHttp(ctx: HttpContext): Promise<BenchRow[]> {
  const G = '6. HTTP throughput';
  const listPath = '/api/v1/stocks/summary?limit=20';
  const probe = await call(ctx.hubUrl, 'GET', '/stocks/summary?limit=20', ctx.adminToken);
  const again = await call(ctx.hubUrl, 'GET', '/stocks/summary?limit=20', ctx.adminToken);
  const cacheState = again.headers.get('x-cache') ?? 'no X-Cache header: no response cache on this hub';
  const hello = await startProcess(path.join(hubDir, 'bench', 'http', 'hello.server.ts'), { port: ctx.helloPort, env: {}, readyPath: '/hello' });
  const hub: number[] = [];
  const bare: number[] = [];
  let hubNon2xx = 0;
  let hubP99 = 0;
  try {
    for (let r = 0; r < ctx.runs; r++) {
      ctx.log(`http run ${r + 1}/${ctx.runs}: bare Hono hello`);
      bare.push((await cannon(`${hello.url}/hello`, {}, ctx.durationSeconds)).rps);
      ctx.log(`http run ${r + 1}/${ctx.runs}: hub ${listPath}`);
      const h = await cannon(`${ctx.hubUrl}${listPath}`, { authorization: `Bearer ${ctx.adminToken}` }, ctx.durationSeconds);
      hub.push(h.rps);
      hubNon2xx += h.non2xx;
      hubP99 = h.p99;
    }
  } finally {
    await hello.stop();
  }
  const hs = stat(hub);
  const bs = stat(bare);
  const ratio = ratioOf(hs, bs);
  return [
    {
      group: G,
      name: `GET ${listPath.replace('/api/v1', '')} (signed in, ${CONNECTIONS} connections, ${ctx.durationSeconds} s; cache: ${cacheState})`,
      result: `${fmtStat(hs, 0)} req/s, p99 ${fmt(hubP99, 0)} ms${hubNon2xx ? `, ${hubNon2xx} non-2xx` : ''}`,
      baseline: `bare Hono hello ${fmtStat(bs, 0)} req/s`,
      ratio: `${fmt(ratio.median * 100, 0)}% of bare Hono`,
      data: { hub: hs, bare: bs, ratio, non2xx: hubNon2xx, firstStatus: probe.status, cache: cacheState },
      verdict: probe.status === 200 ? undefined : `first request answered ${probe.status}`,
    },
  ];
}

