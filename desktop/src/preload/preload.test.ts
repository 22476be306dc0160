import { describe, expect, it, vi } from 'vitest';
import { inputSchemas } from '../bridge/api-dispatch';
import { ipcChannel, remoteOperations } from '../bridge/api-operations';

/**
 * The preload as Electron's sandbox runs it, with the two Electron objects it touches recorded
 * (Electron itself cannot start here): what it exposes to the page, and over which channels.
 */
const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    },
  },
}));

describe('preload', () => {
  it('exposes one object, window.bazaar, with exactly one function per operation, each on its own channel with the input as given', async () => {
    await import('./preload');
    expect([...exposed.keys()]).toEqual(['bazaar']);
    const api = exposed.get('bazaar') as Record<string, (input?: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...remoteOperations].sort());
    for (const op of remoteOperations) {
      expect(typeof api[op]).toBe('function');
      invoked.length = 0;
      const input = { marker: op };
      await api[op]!(input);
      expect(invoked).toHaveLength(1);
      expect(invoked[0]![0]).toBe(ipcChannel(op));
      // Operations with input pass it through untouched (validation happens in main, not here).
      if (inputSchemas[op] !== null) expect(invoked[0]![1]).toEqual(input);
    }
    // Nothing of Electron or Node leaks: the page gets plain functions only.
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
    expect(api).not.toHaveProperty('ipcRenderer');
  });
});
