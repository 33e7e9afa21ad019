// The moderation channels end to end in the main process: the contract's schemas accept what
// the SQL returns, actions are recorded as the profile's operator, bad input stops at the boundary.
import { afterAll, describe, expect, it } from 'vitest';
import { startConsoleApp } from '../support/console-app-harness';

const harness = startConsoleApp();
const call = harness.call;
afterAll(() => harness.dispose());

describe('moderation channels', () => {
  it('serve every read view within the contract', async () => {
    const counts = (await call('moderation:counts', {})) as { pending: number };
    expect(counts.pending).toBeGreaterThan(0);
    const page = (await call('moderation:queue', { queue: 'pending', limit: 5 })) as { rows: { id: string }[] };
    expect(page.rows).toHaveLength(5);
    await call('moderation:queue', { queue: 'flagged', sort: 'most_reported', filters: { platform: 'youtube', has_duplicates: false } });
    await call('moderation:review', { videoId: page.rows[0]!.id });
    const reports = (await call('moderation:reports', {})) as { rows: unknown[] };
    expect(reports.rows.length).toBeGreaterThan(0);
    const contexts = (await call('moderation:contexts-queue', {})) as { rows: unknown[] };
    expect(contexts.rows.length).toBeGreaterThan(0);
    expect(((await call('moderation:reasons', {})) as unknown[]).length).toBe(5);
    expect(((await call('moderation:operators', { search: 'moderator' })) as { username: string }[]).map((o) => o.username)).toEqual([
      'ada_moderator',
      'grace_moderator',
    ]);
    expect(((await call('moderation:taxonomy-options', {})) as { categories: unknown[] }).categories.length).toBeGreaterThan(5);
  });

  it("acts as the profile's operator, and undoes", async () => {
    const page = (await call('moderation:queue', { queue: 'pending', limit: 1 })) as { rows: { id: string }[] };
    const r = (await call('moderation:act', { action: 'approve', items: [{ id: page.rows[0]!.id, expected_status: 'pending' }] })) as {
      results: { outcome: string; audit_id: number }[];
    };
    expect(r.results[0]!.outcome).toBe('done');
    const review = (await call('moderation:review', { videoId: page.rows[0]!.id })) as { timeline: { operator: string; action: string }[] };
    expect(review.timeline[0]).toMatchObject({ operator: 'ada_moderator', action: 'approve' });
    const u = (await call('moderation:undo', { auditIds: [r.results[0]!.audit_id] })) as { done: number };
    expect(u.done).toBe(1);
  });

  it('records the operator picked for the profile', async () => {
    const [grace] = (await call('moderation:operators', { search: 'grace_moderator' })) as { id: string }[];
    await call('connections:set-operator', { id: 'embedded', operatorId: grace!.id });
    const page = (await call('moderation:queue', { queue: 'pending', limit: 1 })) as { rows: { id: string }[] };
    await call('moderation:act', { action: 'flag', items: [{ id: page.rows[0]!.id, expected_status: 'pending' }] });
    const review = (await call('moderation:review', { videoId: page.rows[0]!.id })) as { timeline: { operator: string }[] };
    expect(review.timeline[0]!.operator).toBe('grace_moderator');
    await call('connections:set-operator', { id: 'embedded', operatorId: null });
  });

  it('stops bad input at the boundary, naming the field', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await expect(call('moderation:act', { action: 'reject', items: [{ id }] })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { reason: 'A rejection needs a reason.' },
    });
    await expect(call('moderation:act', { action: 'reject', items: [{ id }], reason: 'x'.repeat(100_000) })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { reason: 'Keep the reason under 2,000 characters.' },
    });
    await expect(call('moderation:act', { action: 'approve', items: [] })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { items: 'Select at least one item.' },
    });
    await expect(call('moderation:act', { action: 'approve', items: [{ id: 'nope' }] })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
