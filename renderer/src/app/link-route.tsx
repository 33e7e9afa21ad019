// A console link in the hash (`#/video/<uuid>`, `#/report/…`, `#/graph/…`, `#/job/…`, from a
// magna-console:// link, a notification or a pasted URL) opens its item:
//   video  → the moderation review of that video (LinkedVideo, the route stays shareable);
//   report → the reports view on that item (#/moderation?tab=reports&item=<uuid>);
//   graph  → the graph centred on that video (#/graph?video=<uuid>);
//   job    → the embeddings page on that job (#/embeddings?job=<uuid>).
// A link naming another profile (`?profile=<id>`) switches to it only after the user confirms;
// declined, or naming a profile this console lacks, it opens in the active profile.
import { useEffect, useRef, useState } from 'react';
import { toLinkRoute, type DeepLink } from '@contract/deep-links';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { useToasts } from '@/components/toasts';
import { useConnections } from '@/features/settings/api/get-connections';
import { useActivateProfile } from '@/features/settings/api/mutate-connections';
import { replaceHash } from '@/lib/use-hash-route';
import { LinkedVideo } from './linked-video';

/** Where a link goes once its profile is settled: its page's own view, or null to stay (video). */
export function linkTarget(link: DeepLink): string | null {
  switch (link.kind) {
    case 'video':
      return null;
    case 'report':
      return `#/moderation?tab=reports&item=${link.id}`;
    case 'graph':
      return `#/graph?video=${link.id}`;
    case 'job':
      return `#/embeddings?job=${link.id}`;
  }
}

export function LinkRoute({ link }: { link: DeepLink }) {
  const query = useConnections();
  const connections = query.data;
  const activate = useActivateProfile();
  const react = useErrorReaction();
  const toasts = useToasts();
  const [asked, setAsked] = useState<string | null>(null);
  // A profile missing from the list read earlier may have been added since: read it again once.
  const reread = useRef<string | null>(null);
  const wanted = link.profile ? connections?.profiles.find((p) => p.id === link.profile) : undefined;
  const active = connections?.profiles.find((p) => p.id === connections.activeId);
  const needsConfirm = link.profile !== null && connections !== undefined && wanted !== undefined && wanted.id !== connections.activeId;

  // Settled profile: drop it from the route (a reload does not ask again) and go to the page.
  const settle = () => {
    const plain = { ...link, profile: null };
    replaceHash(linkTarget(plain) ?? toLinkRoute(plain));
  };

  useEffect(() => {
    if (link.profile !== null) {
      if (!connections || query.isFetching) return;
      if (wanted === undefined && reread.current !== toLinkRoute(link)) {
        reread.current = toLinkRoute(link);
        void query.refetch();
        return;
      }
      if (wanted === undefined) {
        toasts.push({
          kind: 'info',
          message: 'This link names a profile this console does not have.',
          hint: `Opened in ${active?.name ?? 'the active profile'}.`,
        });
      } else if (wanted.id !== connections.activeId) {
        return; // the dialog asks
      }
    }
    settle();
  }, [link, connections, query.isFetching]); // eslint-disable-line react-hooks/exhaustive-deps -- once per link, when the profiles are known

  if (needsConfirm) {
    return (
      <ConfirmDialog
        open={asked !== toLinkRoute(link)}
        title={`Switch to ${wanted.name}?`}
        confirmLabel={`Switch to ${wanted.name}`}
        onConfirm={() => {
          setAsked(toLinkRoute(link));
          activate.mutate(
            { id: wanted.id },
            {
              onSuccess: settle,
              onError: (e) => {
                react(e);
                settle();
              },
            },
          );
        }}
        onClose={() => {
          if (asked === toLinkRoute(link)) return; // closed after "Switch"
          setAsked(toLinkRoute(link));
          toasts.push({ kind: 'info', message: `Opened in ${active?.name ?? 'the active profile'}: the linked item may not be there.` });
          settle();
        }}
      >
        <p>
          This link opens an item of the profile <strong>{wanted.name}</strong>
          {wanted.production ? ' (production)' : ''}. The console now uses <strong>{active?.name}</strong>.
        </p>
      </ConfirmDialog>
    );
  }
  if (link.profile === null && link.kind === 'video') return <LinkedVideo id={link.id} />;
  return (
    <p className="muted" role="status">
      Opening the link…
    </p>
  );
}
