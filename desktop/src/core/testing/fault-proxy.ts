import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Chances per request (0..1) of each fault; the rest pass through untouched. */
export interface FaultPlan {
  /** The connection is reset before the hub sees anything. */
  dropRequest: number;
  /** A 502 from "the proxy", the hub untouched. */
  badGateway: number;
  /** The hub processes it (and commits), the answer never arrives: the connection is reset. */
  loseAnswer: number;
  /** The hub processes it, the answer is cut off halfway through its body. */
  resetMidBody: number;
  /** The request reaches the hub twice; the device gets the second answer. */
  duplicate: number;
}

export const NO_FAULTS: FaultPlan = { dropRequest: 0, badGateway: 0, loseAnswer: 0, resetMidBody: 0, duplicate: 0 };

export type FaultKind = keyof FaultPlan | 'passed';

/**
 * Test and bench tool: an HTTP proxy in front of the hub that injects the faults of a bad shop
 * link, drawn from a seeded random source so a run can be repeated. Counts what it did.
 */
export class FaultProxy {
  plan: FaultPlan = NO_FAULTS;
  readonly counts: Record<FaultKind, number> = { dropRequest: 0, badGateway: 0, loseAnswer: 0, resetMidBody: 0, duplicate: 0, passed: 0 };
  private server: Server | null = null;

  constructor(
    private readonly target: string,
    /** Draws the fault for one request; a test may fault by the request's path instead of by chance. */
    private readonly random: (req: { method: string; path: string }) => number,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private pick(req: IncomingMessage): FaultKind {
    let r = this.random({ method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://proxy').pathname });
    for (const k of Object.keys(this.plan) as (keyof FaultPlan)[]) {
      if (r < this.plan[k]) return k;
      r -= this.plan[k];
    }
    return 'passed';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const fault = this.pick(req);
    this.counts[fault] += 1;
    if (fault === 'dropRequest') return void req.socket.destroy();
    if (fault === 'badGateway') {
      res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' });
      return void res.end('bad gateway');
    }
    const forward = () =>
      fetch(new URL(req.url ?? '/', this.target), {
        method: req.method,
        headers: Object.fromEntries(['authorization', 'content-type', 'accept'].flatMap((h) => (req.headers[h] ? [[h, String(req.headers[h])]] : []))),
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      });
    let upstream = await forward();
    if (fault === 'duplicate') {
      await upstream.arrayBuffer();
      upstream = await forward();
    }
    const text = Buffer.from(await upstream.arrayBuffer());
    if (fault === 'loseAnswer') return void req.socket.destroy();
    const headers = { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'content-length': String(text.length), connection: 'close' };
    res.writeHead(upstream.status, headers);
    if (fault === 'resetMidBody') {
      res.write(text.subarray(0, Math.floor(text.length / 2)));
      return void setImmediate(() => req.socket.destroy());
    }
    res.end(text);
  }
}
