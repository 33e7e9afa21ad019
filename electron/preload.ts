// The sandboxed preload: exposes ONE object with one function per contract channel, plus a
// job-event subscription. Never ipcRenderer itself, never process.env. The channel list is
// the operation registry's, written in at build time (vite.electron.config.ts).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from './api/events';

const api: Record<string, unknown> = {};
for (const channel of __MAGNA_CHANNELS__) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
api.onJobEvent = (listener: (event: unknown) => void) => {
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
};

contextBridge.exposeInMainWorld('magna', Object.freeze(api));
