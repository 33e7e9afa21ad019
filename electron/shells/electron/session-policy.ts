// The default session's rules: the renderer's Content-Security-Policy on every response (but the
// documents of the video players the policy's frame-src allows, which keep their own), and
// every permission denied — except writing to the clipboard from the console's own page (its
// "Copy link" buttons), which Chromium asks for as `clipboard-sanitized-write`.
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY, VIDEO_EMBED_ORIGINS } from '../content-security-policy';
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
    // An embedded player's page needs its own scripts: our policy on it would break it, and the
    // renderer's frame-src already decides which players may load at all.
    if (isVideoPlayerFrame(details.resourceType, details.url)) return callback({ responseHeaders: details.responseHeaders });
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** A sub-frame document served by one of the privacy-enhanced player origins the policy allows. */
export function isVideoPlayerFrame(resourceType: string | undefined, url: string): boolean {
  if (resourceType !== 'subFrame') return false;
  try {
    return (VIDEO_EMBED_ORIGINS as readonly string[]).includes(new URL(url).origin);
  } catch {
    return false;
  }
}
