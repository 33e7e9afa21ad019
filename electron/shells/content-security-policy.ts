// The renderer's Content-Security-Policy, the same in both shells (and as a meta tag in
// index.html for Electron's file:// load): no remote scripts, no eval, no inline script.
// Remote content is limited to named hosts: the privacy-enhanced players of YouTube and Vimeo
// (frame-src) and their thumbnail hosts (img-src); every other host stays blocked.

/** The only origins the review pane may embed a player from (privacy-enhanced hosts). */
export const VIDEO_EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;
/** The only remote origins images may load from: YouTube's and Vimeo's (vumbnail) thumbnails. */
export const THUMBNAIL_ORIGINS = ['https://i.ytimg.com', 'https://vumbnail.com'] as const;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: ${THUMBNAIL_ORIGINS.join(' ')}`,
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${VIDEO_EMBED_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The policy as a `<meta>` tag can carry it (browsers ignore frame-ancestors there). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
