/** The two IPC channels between the preload and ipc.ts; nothing else crosses the process boundary. */
export const IPC_CALL_CHANNEL = 'gloss:call';
export const IPC_EVENT_CHANNEL = 'gloss:event';
