// Create or edit a link: type, note, and the moment in the source video (mm:ss). When adding
// from the toolbar, a search picks the other video. The database judges cycles and duplicates.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { formatTimestamp, LINK_TYPES, saveLinkSchema, type FoundVideo } from '@contract/graph';
import { Dialog } from '@/components/dialog';
import { showSubmitError } from '@/api/form-errors';
import { useToasts } from '@/components/toasts';
import { useFindVideos, useSaveLink } from '../api/graph-api';
import { LINK_STYLE } from '../lib/link-types';

type Values = z.input<typeof saveLinkSchema>;
export type LinkDraft = { id?: string; source: string | null; target: string | null; type?: Values['type']; note?: string | null; timestamp_seconds?: number | null; focus: string; focusTitle: string };

function VideoSearch({ onPick, exclude }: { onPick: (v: FoundVideo) => void; exclude: string }) {
  const [q, setQ] = useState('');
  const found = useFindVideos(q);
  return (
    <div className="field">
      <label htmlFor="link-search">Other video (title, URL or id)</label>
      <input id="link-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Type at least 2 characters…" autoComplete="off" />
      <ul className="picker" aria-label="Matching videos">
        {(found.data ?? []).filter((v) => v.id !== exclude).map((v) => (
          <li key={v.id}><button type="button" className="link-like" onClick={() => onPick(v)}>{v.title}</button> <span className={`badge status-${v.moderation_status}`}>{v.moderation_status}</span></li>
        ))}
      </ul>
    </div>
  );
}

export function LinkDialog({ draft, titles, onClose }: { draft: LinkDraft | null; titles: Map<string, string>; onClose: () => void }) {
  const save = useSaveLink();
  const toasts = useToasts();
  const [other, setOther] = useState<FoundVideo | null>(null);
  const [outgoing, setOutgoing] = useState(true);
  const needsPick = draft !== null && (!draft.source || !draft.target);
  const form = useForm<Values>({
    resolver: zodResolver(saveLinkSchema),
    values: draft ? {
      id: draft.id, source: draft.source ?? '', target: draft.target ?? '', type: draft.type ?? 'related',
      note: draft.note ?? '', timestamp: formatTimestamp(draft.timestamp_seconds ?? null),
    } : undefined,
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const close = () => { setOther(null); form.reset(); onClose(); };
  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      toasts.push({ kind: 'success', message: draft?.id ? 'Link saved.' : 'Link created.' });
      close();
    } catch (e) {
      showSubmitError(form, e);
    }
  });
  const source = form.watch('source');
  const target = form.watch('target');
  const name = (id: string) => titles.get(id) ?? (other?.id === id ? other.title : id);
  return (
    <Dialog open={draft !== null} title={draft?.id ? 'Edit link' : 'New link'} onClose={close}>
      {draft ? (
        <form onSubmit={submit} noValidate aria-label={draft.id ? 'Edit link' : 'New link'}>
          {needsPick ? (
            <>
              <VideoSearch exclude={draft.focus} onPick={(v) => {
                setOther(v);
                form.setValue('source', outgoing ? draft.focus : v.id);
                form.setValue('target', outgoing ? v.id : draft.focus);
              }} />
              <label className="checkbox">
                <input type="checkbox" checked={outgoing} onChange={(e) => {
                  setOutgoing(e.target.checked);
                  if (other) {
                    form.setValue('source', e.target.checked ? draft.focus : other.id);
                    form.setValue('target', e.target.checked ? other.id : draft.focus);
                  }
                }} />
                From “{draft.focusTitle}” to the other video
              </label>
            </>
          ) : null}
          {source && target ? <p><strong>{name(source)}</strong> → <strong>{name(target)}</strong></p> : <p className="muted">Pick the other video.</p>}
          {errors.target?.message ? <span className="error" role="alert">{errors.target.message}</span> : null}
          <div className="field">
            <label htmlFor="link-type">Type</label>
            <select id="link-type" {...form.register('type')}>
              {LINK_TYPES.map((t) => <option key={t} value={t}>{t} — {LINK_STYLE[t].label}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="link-timestamp">Moment in the source video (optional)</label>
            <input id="link-timestamp" placeholder="mm:ss" {...form.register('timestamp')} aria-invalid={errors.timestamp ? true : undefined} />
            {errors.timestamp?.message ? <span className="error" role="alert">{errors.timestamp.message}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="link-note">Why they are linked (optional)</label>
            <textarea id="link-note" rows={2} {...form.register('note')} />
            {errors.note?.message ? <span className="error" role="alert">{errors.note.message}</span> : null}
          </div>
          {form.formState.errors.root?.message ? <div className="alert" role="alert">{form.formState.errors.root.message}</div> : null}
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="btn" onClick={close}>Cancel</button>
            <button type="submit" className="btn primary" disabled={!source || !target || form.formState.isSubmitting}>{draft.id ? 'Save link' : 'Create link'}</button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
