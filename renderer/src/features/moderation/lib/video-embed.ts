// Where a video can be watched and previewed inside the console: the privacy-enhanced players
// (youtube-nocookie, Vimeo with dnt=1) and the thumbnail hosts, exactly the ones the console's
// Content-Security-Policy allows. A platform id that is not a well-formed id embeds nothing, so a
// crafted id can never steer the frame anywhere else.

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const THUMBNAIL_HOSTS = new Set(['i.ytimg.com', 'vumbnail.com']);

export type Embeddable = { platform: string; platform_id: string };

/** The player URL for a video, muted, starting at `start` seconds; null when it cannot be embedded. */
export function embedUrl(video: Embeddable, start = 0): string | null {
  const at = Math.max(0, Math.floor(start));
  if (video.platform === 'youtube' && YOUTUBE_ID.test(video.platform_id)) {
    const q = new URLSearchParams({ mute: '1', playsinline: '1', rel: '0' });
    if (at) {
      q.set('start', String(at));
      q.set('autoplay', '1');
    }
    return `https://www.youtube-nocookie.com/embed/${video.platform_id}?${q.toString()}`;
  }
  if (video.platform === 'vimeo' && VIMEO_ID.test(video.platform_id)) {
    const q = new URLSearchParams({ dnt: '1', muted: '1' });
    if (at) q.set('autoplay', '1');
    return `https://player.vimeo.com/video/${video.platform_id}?${q.toString()}${at ? `#t=${at}s` : ''}`;
  }
  return null;
}

/** The thumbnail to show: the stored one when it is on an allowed host, else the platform's own. */
export function thumbnailUrl(video: Embeddable & { thumbnail_url: string | null }): string | null {
  if (video.thumbnail_url) {
    try {
      const u = new URL(video.thumbnail_url);
      if (u.protocol === 'https:' && THUMBNAIL_HOSTS.has(u.hostname)) return u.toString();
    } catch {
      // not a URL: fall through to the platform's thumbnail
    }
  }
  if (video.platform === 'youtube' && YOUTUBE_ID.test(video.platform_id)) return `https://i.ytimg.com/vi/${video.platform_id}/hqdefault.jpg`;
  if (video.platform === 'vimeo' && VIMEO_ID.test(video.platform_id)) return `https://vumbnail.com/${video.platform_id}.jpg`;
  return null;
}
