import { Socket } from 'node:net';
import { DomainError } from '@bazaar/shared';
import { splitAddress } from './printer.address';

/**
 * Send raw bytes to a network receipt printer (a plain TCP connection, port 9100 on most), and
 * resolve once they are handed over and the connection is closed. A printer that is off, or not
 * at that address, is a clear error within `timeoutMs`, never a hang.
 */
export function sendToPrinter(address: string, bytes: Uint8Array, timeoutMs = 5_000): Promise<void> {
  const { host, port } = splitAddress(address);
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new DomainError('SERVICE_UNAVAILABLE', `the receipt printer at ${address} ${why}; check it is on and on the network, or print from the system dialog`));
    };
    socket.setTimeout(timeoutMs, () => fail(`did not answer within ${Math.round(timeoutMs / 1000)} s`));
    socket.once('error', (err: NodeJS.ErrnoException) => fail(err.code === 'ECONNREFUSED' ? 'refused the connection' : err.code === 'ENOTFOUND' ? 'is not a known address' : `could not be reached (${err.code ?? err.message})`));
    socket.connect(port, host, () => {
      socket.end(Buffer.from(bytes), () => {
        if (settled) return;
        settled = true;
        socket.destroy();
        resolve();
      });
    });
  });
}
