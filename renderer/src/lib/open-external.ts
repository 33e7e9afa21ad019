import { api } from '@/api/client';

/** Opens an http(s) link outside the app: Electron's shell in the desktop app, a new tab in the browser shell. */
export async function openExternal(url: string): Promise<void> {
  const { opened } = await api['shell:open-external']({ url });
  if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
}
