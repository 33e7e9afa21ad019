// The desktop app's events (preload `onAppEvent`, main's events:app channel): a console link to
// open and the native menu's commands. The browser shell has neither: its links are its URLs and
// its commands the palette's.
import { useEffect, useRef } from 'react';
import { parseLinkRoute } from '@contract/deep-links';
import { APP_COMMANDS, type AppCommand, type AppEvent } from '@contract/events';

type AppEventSource = { onAppEvent?: (listener: (event: AppEvent) => void) => () => void };

export function useAppEvents(onCommand: (command: AppCommand) => void): void {
  const latest = useRef(onCommand);
  useEffect(() => {
    latest.current = onCommand;
  });
  useEffect(() => {
    const source = window.magna as AppEventSource | undefined;
    if (!source?.onAppEvent) return;
    return source.onAppEvent((event) => {
      // Main sends only validated links; the page checks again, as for any hash it is given.
      if (event.type === 'open' && parseLinkRoute(event.route)) window.location.hash = event.route;
      if (event.type === 'command' && (APP_COMMANDS as readonly string[]).includes(event.command)) latest.current(event.command);
    });
  }, []);
}
