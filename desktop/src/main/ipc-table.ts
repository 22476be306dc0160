import type { IpcMainInvokeEvent } from 'electron';
import { dispatch, writesMovements } from '../bridge/api-dispatch';
import type { ApiResult } from '../bridge/api-result';
import { ipcChannel, remoteOperations } from '../bridge/api-operations';
import type { CounterCoreApi } from '../core/counter.api';
import type { StoreCore } from '../core/store-core';

export type IpcHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * The operation table: one channel per operation, each handler a plain function (tested
 * without Electron). Every input is validated with the core's zod schema inside `dispatch`,
 * and only our own window's main frame may call: a stray frame or a page the window was
 * somehow navigated to gets a refusal, not the store.
 */
export function ipcHandlers(
  core: CounterCoreApi & Pick<StoreCore, 'triggerSync'>,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
): [channel: string, handler: IpcHandler][] {
  return remoteOperations.map((op) => [
    ipcChannel(op),
    async (event, input) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'this window may not use the store' } };
      }
      const result = await dispatch(core, op, input, (o, err) => console.error(`ipc ${o} failed unexpectedly:`, err));
      if (result.ok && writesMovements.has(op)) core.triggerSync();
      return result;
    },
  ]);
}
