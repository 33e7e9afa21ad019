// "Copy link": puts an item's magna-console:// link on the clipboard (the desktop app opens it
// on the item; the browser shell has the same path as a hash route). Where the clipboard is
// refused, the toast shows the link to copy by hand.
import { toDeepLink, type DeepLinkKind } from '@contract/deep-links';
import { useToasts } from './toasts';

export function CopyLinkButton({
  kind,
  id,
  label = 'Copy link',
  className = 'btn small',
}: {
  kind: DeepLinkKind;
  id: string;
  label?: string;
  className?: string;
}) {
  const toasts = useToasts();
  const link = toDeepLink({ kind, id });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      toasts.push({ kind: 'success', message: 'Link copied.', hint: link });
    } catch {
      toasts.push({ kind: 'info', message: 'The clipboard is not available here: copy the link by hand.', hint: link });
    }
  };
  return (
    <button type="button" className={className} data-link={link} title={link} onClick={() => void copy()}>
      {label}
    </button>
  );
}
