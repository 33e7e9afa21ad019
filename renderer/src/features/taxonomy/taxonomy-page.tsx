import { DomainPreview } from '@/components/domain-preview';

export function TaxonomyPage() {
  return (
    <DomainPreview title="Taxonomy" tables={[{ name: 'categories', label: 'Categories' }, { name: 'tags', label: 'Tags' }, { name: 'video_tags', label: 'Tag uses' }]}>
      <p>The category tree and tag tools (rename, merge, bulk tagging) arrive in a later release. Connect your project under <a href="#/settings">Settings</a>.</p>
    </DomainPreview>
  );
}
