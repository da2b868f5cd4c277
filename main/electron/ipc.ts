/**
 * The only file that touches ipcMain. One channel answers API calls, after checking that the
 * caller is our window's top frame showing gloss://app/; the request itself is validated by
 * dispatch against shared/api.ts. One channel carries notices to the
 * window: the service's, and the menu's commands (sendApiEvent).
 */
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { ApiEvent } from '../../shared/api';
import { type ApiEnvelope, errorEnvelope } from '../../shared/api-error';
import type { Dispatch } from '../api/dispatch';
import { isAppUrl } from './app-origin';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './ipc-channels';

export interface ApiIpcOptions {
  dispatch: Dispatch;
  events: { subscribe(listener: (event: ApiEvent) => void): () => void };
  /** The app window, if one is open now (it may be closed and re-created on macOS). */
  getWindow: () => BrowserWindow | undefined;
}

/** Registers the API channel and event forwarding; returns the function that removes both. */
export function registerApiIpc({ dispatch, events, getWindow }: ApiIpcOptions): () => void {
  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (
      event: IpcMainInvokeEvent,
      operation: unknown,
      request: unknown,
    ): Promise<ApiEnvelope<unknown>> => {
      if (!isTrustedSender(event, getWindow())) {
        return errorEnvelope('forbidden', 'This page may not use the Gloss API.');
      }
      if (typeof operation !== 'string') {
        return errorEnvelope('bad-request', 'The operation name must be a string.');
      }
      return dispatch(operation, request);
    },
  );
  const unsubscribe = events.subscribe((event) => sendApiEvent(getWindow(), event));
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}

/** Sends one notice to the window's page (the preload hands it to the store's subscribers). */
export function sendApiEvent(window: BrowserWindow | undefined, event: ApiEvent): void {
  if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
}

/** Our window's webContents, its top frame (no iframe), and a gloss://app/ page. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
