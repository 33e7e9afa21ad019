import { useState } from 'react';

/** The video's thumbnail, or a quiet placeholder when there is none or it cannot load (offline). */
export function Thumbnail({ url, title }: { url: string | null; title: string }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) {
    return (
      <div className="thumb placeholder" role="img" aria-label={`No thumbnail for ${title}`}>
        ▶
      </div>
    );
  }
  return (
    <img className="thumb" src={url} alt={`Thumbnail of ${title}`} onError={() => setFailed(true)} loading="lazy" referrerPolicy="no-referrer" />
  );
}
