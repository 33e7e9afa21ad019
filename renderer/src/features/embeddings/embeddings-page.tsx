import { useState } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { useErrorReaction } from '@/components/error-reaction-provider';
import { FormAlert } from '@/components/form-field';
import { formatDecimal, formatNumber } from '@/lib/format';
import { useSemanticSearch } from './api/embeddings-mutations';
import { useCoverage } from './api/embeddings-queries';
import { JobList } from './components/job-list';
import { NewJobForm } from './components/new-job-form';

const LOCAL_MODEL = 'glove-6b-100d-sif';

export function EmbeddingsPage() {
  const coverage = useCoverage();
  const search = useSemanticSearch();
  const react = useErrorReaction();
  const [query, setQuery] = useState('');
  const [searchError, setSearchError] = useState<string | undefined>();
  const c = coverage.data;
  return (
    <section aria-labelledby="page-title" className="embeddings-page">
      <h1 id="page-title">Embeddings</h1>
      {coverage.error ? <ErrorAlert error={coverage.error} title="Could not read the coverage" /> : null}
      {c ? (
        <div className="stats" aria-label="Coverage">
          <div className="stat">
            <div className="value">
              {formatNumber(c.embedded)} / {formatNumber(c.videos)}
            </div>
            <div className="label">Videos embedded</div>
          </div>
          <div className="stat">
            <div className="value">{formatNumber(c.stale)}</div>
            <div className="label">Stale (text changed)</div>
          </div>
          <div className="stat">
            <div className="value">{c.index_present ? 'present' : 'missing'}</div>
            <div className="label">HNSW index</div>
          </div>
          {c.by_model.map((m) => (
            <div className="stat" key={m.model}>
              <div className="value">{formatNumber(m.videos)}</div>
              <div className="label">{m.model}</div>
            </div>
          ))}
        </div>
      ) : null}
      <h2>New backfill</h2>
      <NewJobForm />
      <h2>Backfills</h2>
      <JobList />
      <h2>Semantic search</h2>
      <form
        className="row"
        role="search"
        aria-label="Semantic search"
        onSubmit={(e) => {
          e.preventDefault();
          if (!query.trim()) return;
          setSearchError(undefined);
          search.mutate(
            { query, model: LOCAL_MODEL },
            { onError: (err) => react(err, { form: { setError: (_field, { message }) => setSearchError(message) } }) },
          );
        }}
      >
        <label className="visually-hidden" htmlFor="semantic-query">
          Search by meaning
        </label>
        <input
          id="semantic-query"
          className="grow-input"
          placeholder="e.g. how black holes form"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="btn" disabled={search.isPending}>
          Search
        </button>
        <span className="muted small">Offline model ({LOCAL_MODEL})</span>
      </form>
      <FormAlert message={search.error ? searchError : undefined} />
      {search.data ? (
        search.data.length === 0 ? (
          <p className="muted">No embeddings of this model yet: run a backfill with the offline provider first.</p>
        ) : (
          <table className="data" aria-label="Search results">
            <thead>
              <tr>
                <th scope="col">Video</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Similarity
                </th>
              </tr>
            </thead>
            <tbody>
              {search.data.map((h) => (
                <tr key={h.id}>
                  <td>
                    {/* Opens the video's review in place (#/video/<uuid>, the console link of a video). */}
                    <a href={`#/video/${h.id}`}>{h.title}</a>
                  </td>
                  <td>
                    <span className={`badge status-${h.moderation_status}`}>{h.moderation_status}</span>
                  </td>
                  <td className="num">{formatDecimal(h.similarity, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
