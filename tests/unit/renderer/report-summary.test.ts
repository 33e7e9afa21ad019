// Approving a reported video dismisses its open reports: the moderator is told how many and of
// which kinds before pressing the key (the issue: 4 reports, one a copyright claim, vanished silently).
import { describe, expect, it } from 'vitest';
import { decisionLabel } from '../../../renderer/src/features/moderation/lib/decisions';
import { approveClosesReports, countByReason } from '../../../renderer/src/features/moderation/lib/report-summary';

const reports = (...reasons: string[]) => reasons.map((reason) => ({ reason }));

describe('the warning before an approve that closes reports', () => {
  it('names the count and every kind, most frequent first', () => {
    expect(approveClosesReports(reports('spam', 'copyright', 'spam', 'spam'))).toBe('Approving closes 4 open reports: 3 spam, 1 copyright.');
  });

  it('reads reasons as words and speaks of one report in the singular', () => {
    expect(approveClosesReports(reports('wrong_category'))).toBe('Approving closes 1 open report: 1 wrong category.');
  });

  it('says nothing when there is nothing to close', () => {
    expect(approveClosesReports([])).toBeNull();
  });

  it('breaks ties by name so the sentence is stable', () => {
    expect(countByReason(reports('spam', 'copyright'))).toEqual([
      ['copyright', 1],
      ['spam', 1],
    ]);
  });
});

describe('the undo bar after an approve that closed reports', () => {
  it('says what was closed, as the database recorded it', () => {
    const results = [{ id: 'a', outcome: 'done' as const, audit_id: 1, closed_reports: { spam: 3, copyright: 1 } }];
    expect(decisionLabel('Approved', results, new Map([['a', 'Black holes']]))).toBe(
      'Approved "Black holes". Closed 4 open reports: 3 spam, 1 copyright.',
    );
  });

  it('adds nothing when no report was closed', () => {
    expect(decisionLabel('Approved', [{ id: 'a', outcome: 'done' as const, closed_reports: {} }], new Map([['a', 'X']]))).toBe('Approved "X".');
  });
});
