// The default session's rules: the renderer's Content-Security-Policy on every response, and
// every permission denied — except writing to the clipboard from the console's own page (its
// "Copy link" buttons), which Chromium asks for as `clipboard-sanitized-write`.
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { isRendererPage } from './window';

export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

export function applySessionPolicy(session: Session, rendererUrl: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === ALLOWED_PERMISSION && details.isMainFrame && isRendererPage(details.requestingUrl, rendererUrl));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, _origin, details) =>
      permission === ALLOWED_PERMISSION && details.isMainFrame && isRendererPage(details.requestingUrl ?? '', rendererUrl),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
