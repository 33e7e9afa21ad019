import { errorText } from '../api/client';

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { message, hint } = errorText(error);
  return (
    <div className="alert" role="alert">
      <strong>{title ?? 'Something went wrong'}</strong>
      <div>{message}</div>
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}
