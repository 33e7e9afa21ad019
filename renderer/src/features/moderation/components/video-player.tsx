// The video itself, inside the console: its thumbnail as a poster until the moderator asks to play
// (nothing is requested from the platform before that), then the platform's privacy-enhanced player
// in a sandboxed frame, muted. `seek` (a context note's timestamp) reloads the player at that time.
import { useState } from 'react';
import { embedUrl, thumbnailUrl, type Embeddable } from '../lib/video-embed';
import { Thumbnail } from './thumbnail';

export type PlayerVideo = Embeddable & { id: string; title: string; thumbnail_url: string | null };
/** A request to play from `seconds`; `nonce` makes a second request for the same time reload too. */
export type Seek = { seconds: number; nonce: number };

export function VideoPlayer({ video, seek = null }: { video: PlayerVideo; seek?: Seek | null }) {
  const [start, setStart] = useState<Seek | null>(seek);
  // Another video stops the player; a new seek (re)starts it there. Adjusted while rendering, so
  // the old video's frame never shows under the new title.
  const [seen, setSeen] = useState({ id: video.id, seek });
  if (seen.id !== video.id || seen.seek !== seek) {
    setSeen({ id: video.id, seek });
    setStart(seek ?? (seen.id !== video.id ? null : start));
  }
  const thumb = thumbnailUrl(video);
  const src = start ? embedUrl(video, start.seconds) : null;
  const playable = embedUrl(video) !== null;

  if (src && start) {
    return (
      <div className="player">
        <iframe
          key={`${video.id}:${start.nonce}`}
          src={src}
          title={`Player: ${video.title}`}
          sandbox="allow-scripts allow-same-origin allow-presentation"
          allow="encrypted-media; picture-in-picture"
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    );
  }
  if (!playable) return <Thumbnail url={thumb} title={video.title} />;
  return (
    <button type="button" className="player-poster" onClick={() => setStart({ seconds: 0, nonce: Date.now() })}>
      <Thumbnail url={thumb} title={video.title} />
      <span className="player-play">▶ Play here (muted)</span>
    </button>
  );
}
