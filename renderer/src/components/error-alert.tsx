// A load that failed, in place of what it would have shown: the message, the hint, and the
// button to the page that fixes it when the error table names one (Settings, Migrations).
import { reactionFor, toErrorShape } from '@/api/error-reactions';
import { navigate } from '@/lib/use-hash-route';

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { message, hint } = toErrorShape(error);
  const reaction = reactionFor(error);
  const open = reaction.kind === 'toast' ? reaction.open : undefined;
  return (
    <div className="alert" role="alert">
      <strong>{title ?? 'Something went wrong'}</strong>
      <div>{message}</div>
      {hint ? <div className="hint">{hint}</div> : null}
      {open ? (
        <button type="button" className="btn small" style={{ marginTop: 6 }} onClick={() => navigate(open.route)}>
          {open.label}
        </button>
      ) : null}
    </div>
  );
}
