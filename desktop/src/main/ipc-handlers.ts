import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch, writesMovements } from '../bridge/api-dispatch';
import { ipcChannel, remoteOperations } from '../bridge/api-operations';
import type { StoreCore } from '../core/store-core';

/**
 * One channel per operation. Every input is validated with the core's zod schema inside
 * `dispatch`, and only our own window's main frame may call: a stray frame or a page the
 * window was somehow navigated to gets a refusal, not the store.
 */
export function registerIpcHandlers(core: StoreCore, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): () => void {
  for (const op of remoteOperations) {
    ipcMain.handle(ipcChannel(op), async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'this window may not use the store' } };
      }
      const result = await dispatch(core, op, input, (o, err) => console.error(`ipc ${o} failed unexpectedly:`, err));
      if (result.ok && writesMovements.has(op)) core.triggerSync();
      return result;
    });
  }
  return () => {
    for (const op of remoteOperations) ipcMain.removeHandler(ipcChannel(op));
  };
}
