import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { StoreCore } from '../core/store-core';
import { ipcHandlers } from './ipc-table';

/** Registers the operation table (ipc-table.ts) on ipcMain; returns the unregister function. */
export function registerIpcHandlers(core: StoreCore, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): () => void {
  const table = ipcHandlers(core, isTrustedSender);
  for (const [channel, handler] of table) ipcMain.handle(channel, handler);
  return () => {
    for (const [channel] of table) ipcMain.removeHandler(channel);
  };
}
