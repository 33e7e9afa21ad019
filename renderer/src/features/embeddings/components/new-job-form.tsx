// A new backfill: what to embed (scope, statuses), with which provider, in what batches; the
// dry-run estimate comes first.
import { useState } from 'react';
import type { JobInput } from '@contract/embeddings';
import { errorText } from '@/api/client';
import { useToasts } from '@/components/toasts';
import { useEstimate, useStartJob } from '../api';

const STATUSES = ['approved', 'pending', 'flagged', 'rejected'] as const;

export function NewJobForm() {
  const [provider, setProvider] = useState<'local' | 'openai'>('local');
  const [baseUrl, setBaseUrl] = useState('https://api.openai.com/v1');
  const [model, setModel] = useState('text-embedding-3-small');
  const [dimensions, setDimensions] = useState(1536);
  const [price, setPrice] = useState(0.02);
  const [scope, setScope] = useState<'missing' | 'stale' | 'all'>('missing');
  const [statuses, setStatuses] = useState<Set<string>>(new Set(['approved']));
  const [batchSize, setBatchSize] = useState(64);
  const [concurrency, setConcurrency] = useState(2);
  const estimate = useEstimate();
  const start = useStartJob();
  const toasts = useToasts();
  const input = (): JobInput => ({
    provider: provider === 'local' ? { provider: 'local' } : { provider: 'openai', baseUrl, model, dimensions, pricePerMillionTokens: price },
    scope, statuses: [...statuses] as JobInput['statuses'], batchSize, concurrency,
  });
  const onError = (e: unknown) => toasts.push({ kind: 'error', ...errorText(e) });
  return (
    <form className="card" aria-label="New backfill" onSubmit={(e) => { e.preventDefault(); start.mutate(input(), { onSuccess: () => { toasts.push({ kind: 'success', message: 'Backfill started.' }); estimate.reset(); }, onError }); }}>
      <div className="row">
        <label className="inline">Provider
          <select value={provider} onChange={(e) => { setProvider(e.target.value as 'local' | 'openai'); estimate.reset(); }}>
            <option value="local">Offline GloVe (no network)</option><option value="openai">OpenAI-compatible API</option>
          </select>
        </label>
        {provider === 'openai' ? (
          <>
            <label className="inline">Base URL <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} /></label>
            <label className="inline">Model <input value={model} onChange={(e) => setModel(e.target.value)} /></label>
            <label className="inline">Dimensions <input type="number" className="narrow" value={dimensions} min={1} max={1536} onChange={(e) => setDimensions(Number(e.target.value))} /></label>
            <label className="inline">$ per 1M tokens <input type="number" className="narrow" step="0.01" value={price} onChange={(e) => setPrice(Number(e.target.value))} /></label>
          </>
        ) : null}
      </div>
      <div className="row">
        <fieldset className="inline-fieldset"><legend>Embed</legend>
          {(['missing', 'stale', 'all'] as const).map((s) => (
            <label key={s} className="inline"><input type="radio" name="scope" checked={scope === s} onChange={() => { setScope(s); estimate.reset(); }} />
              {s === 'missing' ? 'missing embeddings' : s === 'stale' ? 'stale ones (text changed or other model)' : 'everything'}</label>
          ))}
        </fieldset>
        <fieldset className="inline-fieldset"><legend>Videos that are</legend>
          {STATUSES.map((s) => (
            <label key={s} className="inline"><input type="checkbox" checked={statuses.has(s)} onChange={() => { const n = new Set(statuses); if (n.has(s)) n.delete(s); else n.add(s); setStatuses(n); estimate.reset(); }} /> {s}</label>
          ))}
        </fieldset>
        <label className="inline">Batch <input type="number" className="narrow" min={1} max={2048} value={batchSize} onChange={(e) => setBatchSize(Number(e.target.value))} /></label>
        <label className="inline">Concurrency <input type="number" className="narrow" min={1} max={16} value={concurrency} onChange={(e) => setConcurrency(Number(e.target.value))} /></label>
      </div>
      <div className="row">
        <button type="button" className="btn" disabled={statuses.size === 0 || estimate.isPending} onClick={() => estimate.mutate(input(), { onError })}>Estimate</button>
        {estimate.data ? (
          <span role="status" className="muted">{estimate.data.videos} video(s) · about {estimate.data.estimated_tokens.toLocaleString()} tokens{estimate.data.estimated_cost ? ` · about $${estimate.data.estimated_cost.toFixed(4)}` : ' · free (offline)'}</span>
        ) : null}
        <button type="submit" className="btn primary" disabled={!estimate.data || estimate.data.videos === 0 || start.isPending}>Start backfill</button>
      </div>
    </form>
  );
}
