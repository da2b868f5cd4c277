/**
 * Runs sandboxed before the page: it may only require 'electron' (scripts/build-main.js bundles
 * it into one CommonJS file). The page gets `window.gloss` and nothing else: two functions
 * over two fixed channels, never ipcRenderer itself.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { ApiEvent } from '../../shared/api';
import type { GlossBridge } from '../../shared/api-client';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './ipc-channels';

const bridge: GlossBridge = {
  call: (operation: string, request: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, operation, request),
  subscribe: (listener: (event: ApiEvent) => void) => {
    const handler = (_event: IpcRendererEvent, event: ApiEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('gloss', bridge);
