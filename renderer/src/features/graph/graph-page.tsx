import { DomainPreview } from '@/components/domain-preview';

export function GraphPage() {
  return (
    <DomainPreview title="Reference graph" tables={[{ name: 'video_references', label: 'Links between videos' }, { name: 'collections', label: 'Collections' }, { name: 'collection_videos', label: 'Collection entries' }]}>
      <p>The graph editor for prerequisite, sequel and related links arrives in a later release.</p>
    </DomainPreview>
  );
}
