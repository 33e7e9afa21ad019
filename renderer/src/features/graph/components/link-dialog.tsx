// Create or edit a link, read as one sentence (source, type, target) that follows the fields;
// a swap button turns the direction round. Note and the moment in the source video (mm:ss).
// When adding from the toolbar, a search picks the other video. The database judges cycles
// and duplicates.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { formatTimestamp, LINK_TYPES, saveLinkSchema, type FoundVideo } from '@contract/graph';
import { Dialog } from '@/components/dialog';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { useSaveLink } from '../api/graph-mutations';
import { useFindVideos } from '../api/graph-queries';
import { LINK_STYLE, linkSentence } from '../lib/link-types';

type Values = z.input<typeof saveLinkSchema>;
export type LinkDraft = {
  id?: string;
  source: string | null;
  target: string | null;
  type?: Values['type'];
  note?: string | null;
  timestamp_seconds?: number | null;
  focus: string;
  focusTitle: string;
};

function VideoSearch(props: {
  label: string;
  picked: FoundVideo | null;
  onPick: (v: FoundVideo) => void;
  exclude: string;
  error: string | undefined;
}) {
  const { onPick, exclude, error } = props;
  const [q, setQ] = useState('');
  const found = useFindVideos(q);
  return (
    <FormField id="link-search" label={props.label} error={error}>
      {(c) => (
        <>
          <input {...c} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Type at least 2 characters…" autoComplete="off" />
          <ul className="picker" aria-label="Matching videos">
            {(found.data ?? [])
              .filter((v) => v.id !== exclude)
              .map((v) => (
                <li key={v.id}>
                  <button type="button" className="link-like" aria-pressed={props.picked?.id === v.id} onClick={() => onPick(v)}>
                    {v.title}
                  </button>{' '}
                  <span className={`badge status-${v.moderation_status}`}>{v.moderation_status}</span>
                </li>
              ))}
          </ul>
        </>
      )}
    </FormField>
  );
}

export function LinkDialog({ draft, titles, onClose }: { draft: LinkDraft | null; titles: Map<string, string>; onClose: () => void }) {
  const save = useSaveLink();
  const toasts = useToasts();
  const react = useErrorReaction();
  const [other, setOther] = useState<FoundVideo | null>(null);
  const needsPick = draft !== null && (!draft.source || !draft.target);
  const form = useForm<Values>({
    resolver: zodResolver(saveLinkSchema),
    values: draft
      ? {
          id: draft.id,
          // A new link from the toolbar starts from the focused video; the other end is picked.
          source: draft.source ?? (needsPick ? draft.focus : ''),
          target: draft.target ?? '',
          type: draft.type ?? 'related',
          note: draft.note ?? '',
          timestamp: formatTimestamp(draft.timestamp_seconds ?? null),
        }
      : undefined,
  });
  const errors = form.formState.errors;
  const close = () => {
    setOther(null);
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      toasts.push({ kind: 'success', message: draft?.id ? 'Link saved.' : 'Link created.' });
      close();
    } catch (e) {
      react(e, { form });
    }
  });
  // eslint-disable-next-line react-hooks/incompatible-library -- react-hook-form's watch() re-renders this form on every change by design (the sentence needs every field); nothing memoized takes its values
  const source = form.watch('source');
  const target = form.watch('target');
  const type = form.watch('type');
  const name = (id: string) => titles.get(id) ?? (other?.id === id ? other.title : id);
  // Which end the picked video takes when adding from the toolbar: the one that is not the focus.
  const pickedEnd: 'source' | 'target' = draft && needsPick && source !== draft.focus ? 'source' : 'target';
  const swap = () => {
    form.setValue('source', target, { shouldDirty: true });
    form.setValue('target', source, { shouldDirty: true });
  };
  const end = (which: 'source' | 'target') => {
    const id = which === 'source' ? source : target;
    if (draft && needsPick && which === pickedEnd) {
      return (
        <VideoSearch
          label={which === 'source' ? 'From (the other video: title, URL or id)' : 'To (the other video: title, URL or id)'}
          picked={other}
          exclude={draft.focus}
          error={errors.target?.message ?? errors.source?.message}
          onPick={(v) => {
            setOther(v);
            form.setValue(which, v.id, { shouldDirty: true });
          }}
        />
      );
    }
    return (
      <div className="link-end">
        <span className="muted small">{which === 'source' ? 'From' : 'To'}</span> <strong>{id ? name(id) : '—'}</strong>
      </div>
    );
  };
  const sentence = source && target && type ? linkSentence(type, name(source), name(target)) : null;
  return (
    <Dialog open={draft !== null} title={draft?.id ? 'Edit link' : 'New link'} onClose={close}>
      {draft ? (
        <form onSubmit={submit} noValidate aria-label={draft.id ? 'Edit link' : 'New link'}>
          <p className={sentence ? 'link-sentence' : 'link-sentence muted'} aria-live="polite" aria-label="The link reads">
            {sentence ?? `Pick the other video: “${name(draft.focus)}” ${type ? LINK_STYLE[type].label : 'links to'} …`}
          </p>
          <div className="link-ends">
            {end('source')}
            <FormField id="link-type" label="Type" error={errors.type?.message}>
              {(c) => (
                <select {...c} {...form.register('type')}>
                  {LINK_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t} — {LINK_STYLE[t].label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {end('target')}
            <button type="button" className="btn small" onClick={swap} disabled={!source && !target}>
              ⇅ Swap direction
            </button>
          </div>
          {!needsPick && (errors.target?.message ?? errors.source?.message) ? (
            <span className="error" role="alert">
              {errors.target?.message ?? errors.source?.message}
            </span>
          ) : null}
          <FormField id="link-timestamp" label="Moment in the source video (optional)" error={errors.timestamp?.message}>
            {(c) => <input {...c} placeholder="mm:ss" {...form.register('timestamp')} />}
          </FormField>
          <FormField id="link-note" label="Why they are linked (optional)" error={errors.note?.message}>
            {(c) => <textarea {...c} rows={2} {...form.register('note')} />}
          </FormField>
          <FormAlert message={errors.root?.message} />
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={!source || !target || form.formState.isSubmitting}>
              {draft.id ? 'Save link' : 'Create link'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
