import { DomainPreview } from '@/components/domain-preview';

export function EmbeddingsPage() {
  return (
    <DomainPreview title="Embeddings" tables={[{ name: 'video_embeddings', label: 'Embedded videos' }, { name: 'videos', label: 'Videos' }]}>
      <p>Embedding backfills with live progress and a semantic-search tester arrive in a later release. The HNSW index and the embeddings table are already in place (see <a href="#/migrations">Migrations</a>).</p>
    </DomainPreview>
  );
}
