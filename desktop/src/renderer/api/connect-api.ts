import { createApiClient } from '../../bridge/api-client';
import type { CounterApi, CounterIpcApi, RemoteOperation } from '../../bridge/api-operations';
import { ApiError, unwrapResult } from '../../bridge/api-result';
import { bridgeWords } from './bridge-words';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    bazaar?: CounterIpcApi;
  }
}

/**
 * Electron (preload IPC) or browser mode (the local HTTP bridge): the same typed client
 * over either transport, so no screen knows which one it runs on.
 */
export function connectApi(): CounterApi {
  const ipc = window.bazaar;
  if (ipc) {
    return createApiClient(async (op, input) => {
      const send = ipc[op] as (input?: unknown) => Promise<unknown>;
      return unwrapResult(await send(input));
    });
  }
  return createApiClient((op, input) => httpCall(op, input));
}

function bridgeToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="bazaar-bridge-token"]')?.content ?? '';
}

async function httpCall(op: RemoteOperation, input: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`./api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bazaar-token': bridgeToken() },
      body: JSON.stringify(input ?? null),
    });
  } catch {
    throw new ApiError('SERVICE_UNAVAILABLE', bridgeWords().t('counter.service.notAnswering'));
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('INTERNAL', bridgeWords().t('counter.service.noResult', { status: res.status }));
  }
  return unwrapResult(body);
}
