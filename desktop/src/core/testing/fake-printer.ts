import { createServer, type Server } from 'node:net';
import { freePort } from './free-port';

/** A receipt printer on the network as far as the counter can tell: a TCP port that takes bytes. */
export async function fakePrinter(): Promise<{ address: string; jobs: Buffer[]; server: Server }> {
  const jobs: Buffer[] = [];
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => jobs.push(Buffer.concat(chunks)));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { address: `127.0.0.1:${port}`, jobs, server };
}
