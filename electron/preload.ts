// The sandboxed preload: exposes ONE object with one function per contract channel, plus the
// subscriptions to main's two event channels (job progress; the app's deep links and menu
// commands). Never ipcRenderer itself, never process.env. The channel list is the operation
// registry's, written in at build time (vite.electron.config.ts).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_EVENT_CHANNEL, EVENT_CHANNEL } from './api/events';

const api: Record<string, unknown> = {};
for (const channel of __MAGNA_CHANNELS__) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

/** The page gets the payload only, never the IPC event (whose sender reaches ipcRenderer). */
function subscribe(channel: string) {
  return (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
}
api.onJobEvent = subscribe(EVENT_CHANNEL);
api.onAppEvent = subscribe(APP_EVENT_CHANNEL);

contextBridge.exposeInMainWorld('magna', Object.freeze(api));
