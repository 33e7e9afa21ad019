import { useState } from 'react';
import { formatNumber } from '@/lib/format';
import { useHashParams } from '@/lib/use-hash-route';
import { useModerationCounts } from './api/get-counts';
import { ContextsView } from './components/contexts-view';
import { ReasonsManager } from './components/reasons-manager';
import { ReportsView } from './components/reports-view';
import { VideoQueue } from './components/video-queue';
import { FILTER_PARAMS } from './lib/queue-view';
import { REPORT_FILTER_PARAMS } from './lib/report-filters';

// A tab change starts from the default view; "claim items" is a preference and stays.
const CLEARED_VIEW = Object.fromEntries([...FILTER_PARAMS, ...REPORT_FILTER_PARAMS, 'sort'].map((k) => [k, null]));

const TABS = [
  { id: 'pending', label: 'Pending' },
  { id: 'flagged', label: 'Flagged' },
  { id: 'reports', label: 'Reports' },
  { id: 'contexts', label: 'Context notes' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function ModerationPage() {
  const [params, setParams] = useHashParams();
  const tab = (TABS.some((t) => t.id === params.get('tab')) ? params.get('tab') : 'pending') as Tab;
  const counts = useModerationCounts();
  const count = (t: Tab) => counts.data?.[t];
  const [templates, setTemplates] = useState(false);
  return (
    <section aria-labelledby="page-title" className="moderation">
      <div className="row page-head">
        <h1 id="page-title">Moderation</h1>
        <div role="tablist" aria-label="Queues" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={tab === t.id ? 'tab active' : 'tab'}
              onClick={() => setParams({ ...CLEARED_VIEW, tab: t.id === 'pending' ? null : t.id })}
            >
              {t.label} {count(t.id) !== undefined ? <span className="count">{formatNumber(count(t.id)!)}</span> : null}
            </button>
          ))}
        </div>
        <button type="button" className="btn small" onClick={() => setTemplates(true)}>
          Rejection templates
        </button>
      </div>
      <ReasonsManager open={templates} onClose={() => setTemplates(false)} />
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
        {tab === 'pending' || tab === 'flagged' ? <VideoQueue key={tab} queue={tab} /> : tab === 'reports' ? <ReportsView /> : <ContextsView />}
      </div>
    </section>
  );
}
