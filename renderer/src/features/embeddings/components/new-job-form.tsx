// A new backfill: what to embed (scope, statuses), with which provider, in what batches; the
// dry-run estimate comes first. The contract's limits come back as messages under their fields.
import { useState } from 'react';
import type { JobInput } from '@contract/embeddings';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert, FormField } from '@/components/form-field';
import { useToasts } from '@/components/toasts';
import { formatDecimal, formatNumber } from '@/lib/format';
import { useEstimate, useStartJob } from '../api/embeddings-mutations';

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
  // Messages by field path, as the contract names them (provider.baseUrl, batchSize, root…).
  const [errors, setErrors] = useState<Record<string, string>>({});
  const estimate = useEstimate();
  const start = useStartJob();
  const toasts = useToasts();
  const react = useErrorReaction();
  const input = (): JobInput => ({
    provider: provider === 'local' ? { provider: 'local' } : { provider: 'openai', baseUrl, model, dimensions, pricePerMillionTokens: price },
    scope,
    statuses: [...statuses] as JobInput['statuses'],
    batchSize,
    concurrency,
  });
  const form = { setError: (field: string, { message }: { message?: string }) => setErrors((all) => ({ ...all, [field]: message ?? '' })) };
  const onError = (e: unknown) => react(e, { form });
  const changed = () => {
    estimate.reset();
    setErrors({});
  };

  return (
    <form
      className="card"
      aria-label="New backfill"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        start.mutate(input(), {
          onSuccess: () => {
            toasts.push({ kind: 'success', message: 'Backfill started.' });
            estimate.reset();
          },
          onError,
        });
      }}
    >
      <div className="row">
        <FormField id="job-provider" label="Provider" inline>
          {(c) => (
            <select
              {...c}
              value={provider}
              onChange={(e) => {
                setProvider(e.target.value as 'local' | 'openai');
                changed();
              }}
            >
              <option value="local">Offline GloVe (no network)</option>
              <option value="openai">OpenAI-compatible API</option>
            </select>
          )}
        </FormField>
        {provider === 'openai' ? (
          <>
            <FormField id="job-base-url" label="Base URL" inline error={errors['provider.baseUrl']}>
              {(c) => (
                <input
                  {...c}
                  value={baseUrl}
                  onChange={(e) => {
                    setBaseUrl(e.target.value);
                    changed();
                  }}
                />
              )}
            </FormField>
            <FormField id="job-model" label="Model" inline error={errors['provider.model']}>
              {(c) => (
                <input
                  {...c}
                  value={model}
                  onChange={(e) => {
                    setModel(e.target.value);
                    changed();
                  }}
                />
              )}
            </FormField>
            <FormField id="job-dimensions" label="Dimensions" inline error={errors['provider.dimensions']}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  className="narrow"
                  value={dimensions}
                  min={1}
                  max={1536}
                  onChange={(e) => {
                    setDimensions(Number(e.target.value));
                    changed();
                  }}
                />
              )}
            </FormField>
            <FormField id="job-price" label="$ per 1M tokens" inline error={errors['provider.pricePerMillionTokens']}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  className="narrow"
                  step="0.01"
                  value={price}
                  onChange={(e) => {
                    setPrice(Number(e.target.value));
                    changed();
                  }}
                />
              )}
            </FormField>
          </>
        ) : null}
      </div>
      <div className="row">
        <fieldset className="inline-fieldset">
          <legend>Embed</legend>
          {(['missing', 'stale', 'all'] as const).map((s) => (
            <label key={s} className="inline">
              <input
                type="radio"
                name="scope"
                checked={scope === s}
                onChange={() => {
                  setScope(s);
                  changed();
                }}
              />
              {s === 'missing' ? 'missing embeddings' : s === 'stale' ? 'stale ones (text changed or other model)' : 'everything'}
            </label>
          ))}
        </fieldset>
        <fieldset className="inline-fieldset" aria-describedby={errors.statuses ? 'job-statuses-error' : undefined}>
          <legend>Videos that are</legend>
          {STATUSES.map((s) => (
            <label key={s} className="inline">
              <input
                type="checkbox"
                checked={statuses.has(s)}
                onChange={() => {
                  const n = new Set(statuses);
                  if (n.has(s)) n.delete(s);
                  else n.add(s);
                  setStatuses(n);
                  changed();
                }}
              />{' '}
              {s}
            </label>
          ))}
          {errors.statuses ? (
            <span className="error-text small" id="job-statuses-error" role="alert">
              {errors.statuses}
            </span>
          ) : null}
        </fieldset>
        <FormField id="job-batch" label="Batch" inline error={errors.batchSize}>
          {(c) => (
            <input
              {...c}
              type="number"
              className="narrow"
              min={1}
              max={2048}
              value={batchSize}
              onChange={(e) => {
                setBatchSize(Number(e.target.value));
                changed();
              }}
            />
          )}
        </FormField>
        <FormField id="job-concurrency" label="Concurrency" inline error={errors.concurrency}>
          {(c) => (
            <input
              {...c}
              type="number"
              className="narrow"
              min={1}
              max={16}
              value={concurrency}
              onChange={(e) => {
                setConcurrency(Number(e.target.value));
                changed();
              }}
            />
          )}
        </FormField>
      </div>
      <FormAlert message={errors.root} />
      <div className="row">
        <button
          type="button"
          className="btn"
          disabled={statuses.size === 0 || estimate.isPending}
          onClick={() => {
            setErrors({});
            estimate.mutate(input(), { onError });
          }}
        >
          Estimate
        </button>
        {estimate.data ? (
          <span role="status" className="muted">
            {formatNumber(estimate.data.videos)} video(s) · about {formatNumber(estimate.data.estimated_tokens)} tokens
            {estimate.data.estimated_cost ? ` · about $${formatDecimal(estimate.data.estimated_cost, 4)}` : ' · free (offline)'}
          </span>
        ) : null}
        <button type="submit" className="btn primary" disabled={!estimate.data || estimate.data.videos === 0 || start.isPending}>
          Start backfill
        </button>
      </div>
    </form>
  );
}
