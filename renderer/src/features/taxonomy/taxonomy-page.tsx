// Styles of the taxonomy views (tree, row menu, suggestions); the shared ones are in styles.css.
import './taxonomy.css';
import { useHashParams } from '@/lib/use-hash-route';
import { BulkTagging } from './components/bulk-tagging';
import { CategoryTree } from './components/category-tree';
import { TagsView } from './components/tags-view';

const TABS = [
  { id: 'categories', label: 'Categories' },
  { id: 'tags', label: 'Tags' },
  { id: 'bulk', label: 'Bulk tagging' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function TaxonomyPage({ production, profileName }: { production: boolean; profileName: string }) {
  const [params, setParams] = useHashParams();
  const tab = (TABS.some((t) => t.id === params.get('tab')) ? params.get('tab') : 'categories') as Tab;
  return (
    <section aria-labelledby="page-title" className="taxonomy">
      <div className="row page-head">
        <h1 id="page-title">Taxonomy</h1>
        <div role="tablist" aria-label="Taxonomy views" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={tab === t.id ? 'tab active' : 'tab'}
              onClick={() => setParams({ tab: t.id === 'categories' ? null : t.id, sort: null, q: null })}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
        {tab === 'categories' ? (
          <CategoryTree production={production} profileName={profileName} />
        ) : tab === 'tags' ? (
          <TagsView production={production} profileName={profileName} />
        ) : (
          <BulkTagging />
        )}
      </div>
    </section>
  );
}
