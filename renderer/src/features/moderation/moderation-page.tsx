import { DomainPreview } from '@/components/domain-preview';

export function ModerationPage() {
  return (
    <DomainPreview title="Moderation" tables={[{ name: 'videos', label: 'Videos' }, { name: 'comments', label: 'Comments' }, { name: 'video_contexts', label: 'Context notes' }, { name: 'users', label: 'Users' }]}>
      <p>Queues of pending and flagged videos, reports and context notes arrive in the next release. Meanwhile, check the schema under <a href="#/migrations">Migrations</a> and connect your project under <a href="#/settings">Settings</a>.</p>
    </DomainPreview>
  );
}
