// Registers every contract channel on ipcMain through the one handle() wrapper, after checking
// that the sender is our own window's top frame showing our own renderer.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, EVENT_CHANNEL } from '../../api/channels';
import type { ConsoleApp } from '../console-app';
import { handle } from '../handle';
import { isRendererPage } from './window';

export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string, window: WebContents | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || event.sender !== window) return false;
  if (frame.parent !== null) return false;
  return isRendererPage(frame.url, rendererUrl);
}

/** `afterCall` hears of each answered call (main follows profile changes with it). */
export function registerIpc(
  app: ConsoleApp,
  rendererUrl: string,
  getWindow: () => WebContents | null,
  afterCall?: (channel: string) => void,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, rendererUrl, getWindow())) {
        app.logger.warn(`refused IPC ${channel} from an untrusted frame`);
        return { ok: false, error: { code: 'forbidden', message: 'Refused: not the console window.', details: null, hint: null } };
      }
      const result = await handle(
        app.handlers,
        channel,
        payload,
        (s) => app.redactor.redact(s),
        (c, error) => app.logger.warn(`${c} failed: ${error.code} ${error.message}`),
      );
      afterCall?.(channel);
      return result;
    });
  }
  const unsubscribe = app.jobs.subscribe((e) => getWindow()?.send(EVENT_CHANNEL, e));
  return () => {
    unsubscribe();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
