// The console's links, one parser for both ends: `magna-console://video/<uuid>` (also report,
// graph, job; optional `?profile=<id>`) as the OS hands them to the main process, and the same
// paths as hash routes in the renderer (`#/video/<uuid>`). Anything that is not exactly such a
// link parses to null: the caller ignores it (and main logs it); nothing in a link is executed.
//
// A report link names the reported item (a report group is one item's open reports), so it still
// opens after more reports arrive or one is dismissed.
import { z } from 'zod';

export const DEEP_LINK_SCHEME = 'magna-console';
export const DEEP_LINK_KINDS = ['video', 'report', 'graph', 'job'] as const;
export type DeepLinkKind = (typeof DEEP_LINK_KINDS)[number];

const MAX_LENGTH = 300;
export const profileIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/);

export const deepLinkSchema = z
  .object({
    kind: z.enum(DEEP_LINK_KINDS),
    id: z.uuid(),
    profile: profileIdSchema.nullable(),
  })
  .strict();
export type DeepLink = z.infer<typeof deepLinkSchema>;

/** `?profile=<id>` or nothing: any other parameter, a repeat or an empty value is refused (undefined). */
function parseQuery(query: string): string | null | undefined {
  if (query === '') return null;
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  if (keys.length !== 1 || keys[0] !== 'profile') return undefined;
  return params.get('profile') || undefined;
}

function build(kind: string, id: string, profile: string | null | undefined): DeepLink | null {
  if (profile === undefined) return null;
  const parsed = deepLinkSchema.safeParse({ kind, id: id.toLowerCase(), profile });
  return parsed.success ? parsed.data : null;
}

/** A `magna-console://…` URL as the OS delivers it, or null. */
export function parseDeepLink(url: unknown): DeepLink | null {
  if (typeof url !== 'string' || url.length > MAX_LENGTH) return null;
  // Only printable ASCII: no spaces, control characters or look-alikes to smuggle anything in.
  if (!/^[\x21-\x7e]+$/.test(url)) return null;
  const match = /^magna-console:\/\/([a-z]+)\/([0-9A-Fa-f-]{36})\/?(?:\?([^#]*))?$/i.exec(url);
  if (!match || !url.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return null;
  const [, kind = '', id = '', query = ''] = match;
  return build(kind.toLowerCase(), id, parseQuery(query));
}

/** A hash route (`#/video/<uuid>`, `#/job/<uuid>?profile=…`), or null when the hash is another page. */
export function parseLinkRoute(hash: string): DeepLink | null {
  if (hash.length > MAX_LENGTH) return null;
  const match = /^#?\/?([a-z]+)\/([0-9A-Fa-f-]{36})(?:\?(.*))?$/.exec(hash);
  if (!match) return null;
  const [, kind = '', id = '', query = ''] = match;
  return build(kind, id, parseQuery(query));
}

const profileQuery = (link: Pick<DeepLink, 'profile'>) => (link.profile ? `?profile=${encodeURIComponent(link.profile)}` : '');

/** The link to copy and share: `magna-console://video/<uuid>`. */
export function toDeepLink(link: Pick<DeepLink, 'kind' | 'id'> & { profile?: string | null }): string {
  return `${DEEP_LINK_SCHEME}://${link.kind}/${link.id}${profileQuery({ profile: link.profile ?? null })}`;
}

/** The same link as the renderer's hash route: `#/video/<uuid>`. */
export function toLinkRoute(link: DeepLink): string {
  return `#/${link.kind}/${link.id}${profileQuery(link)}`;
}

/** The first `magna-console:` argument of a command line (Windows and Linux pass links this way), if any. */
export function deepLinkArgument(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null;
}
