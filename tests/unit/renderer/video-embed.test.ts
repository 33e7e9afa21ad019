// The console plays videos only through the privacy-enhanced players its CSP allows, muted, and a
// crafted platform id can never point the frame or an image anywhere else.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shells/content-security-policy';
import { embedUrl, thumbnailUrl } from '../../../renderer/src/features/moderation/lib/video-embed';

const allowed = (directive: string) =>
  CONTENT_SECURITY_POLICY.split('; ')
    .find((d) => d.startsWith(`${directive} `))!
    .split(' ')
    .slice(1);
const originOf = (url: string) => new URL(url).origin;

describe('embedded player URL', () => {
  it('uses youtube-nocookie, muted, and seeks with a start parameter', () => {
    expect(embedUrl({ platform: 'youtube', platform_id: 'dQw4w9WgXcQ' })).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?mute=1&playsinline=1&rel=0',
    );
    const at = new URL(embedUrl({ platform: 'youtube', platform_id: 'dQw4w9WgXcQ' }, 95.7)!);
    expect(at.searchParams.get('start')).toBe('95');
    expect(at.searchParams.get('mute')).toBe('1');
  });

  it('uses Vimeo with dnt=1, muted, and seeks with #t=', () => {
    expect(embedUrl({ platform: 'vimeo', platform_id: '76979871' })).toBe('https://player.vimeo.com/video/76979871?dnt=1&muted=1');
    expect(embedUrl({ platform: 'vimeo', platform_id: '76979871' }, 30)).toMatch(/\?dnt=1&muted=1&autoplay=1#t=30s$/);
  });

  it('embeds nothing for other platforms or ids that are not ids', () => {
    for (const v of [
      { platform: 'dailymotion', platform_id: 'x8abc' },
      { platform: 'youtube', platform_id: '../../evil' },
      { platform: 'youtube', platform_id: 'abc?x=1&y=22' },
      { platform: 'vimeo', platform_id: '123/../../x' },
      { platform: 'vimeo', platform_id: '' },
    ])
      expect(embedUrl(v), JSON.stringify(v)).toBeNull();
  });

  it('every URL it makes is one the CSP frames, and every thumbnail one the CSP shows', () => {
    const frames = allowed('frame-src');
    const images = allowed('img-src');
    for (const v of [
      { platform: 'youtube', platform_id: 'dQw4w9WgXcQ', thumbnail_url: null },
      { platform: 'vimeo', platform_id: '76979871', thumbnail_url: null },
      { platform: 'youtube', platform_id: 'dQw4w9WgXcQ', thumbnail_url: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg' },
    ]) {
      expect(frames).toContain(originOf(embedUrl(v)!));
      expect(images).toContain(originOf(thumbnailUrl(v)!));
    }
  });

  it('ignores a stored thumbnail on a host the CSP does not allow', () => {
    expect(thumbnailUrl({ platform: 'youtube', platform_id: 'dQw4w9WgXcQ', thumbnail_url: 'https://tracker.example/x.jpg' })).toBe(
      'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
    );
    expect(thumbnailUrl({ platform: 'other', platform_id: 'x', thumbnail_url: 'http://i.ytimg.com/x.jpg' })).toBeNull();
  });
});
