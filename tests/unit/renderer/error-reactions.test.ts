// The one table from error code to reaction: each code the main process returns gets its
// reaction, and anything else is shown with its message and hint.
import { describe, expect, it } from 'vitest';
import { reactionFor, toErrorShape } from '../../../renderer/src/api/error-reactions';

const error = (
  code: string,
  extra: Partial<{ message: string; details: string | null; hint: string | null; fields: Record<string, string> }> = {},
) => ({ code, message: extra.message ?? `failed: ${code}`, details: extra.details ?? null, hint: extra.hint ?? null, fields: extra.fields });

describe('error reactions', () => {
  it('a missing operator offers Settings', () => {
    expect(reactionFor(error('operator_missing', { hint: 'Pick one.' }))).toEqual({
      kind: 'toast',
      message: 'failed: operator_missing',
      hint: 'Pick one.',
      open: { label: 'Open Settings', route: 'settings' },
    });
    expect(reactionFor(error('operator_required'))).toMatchObject({ kind: 'toast', open: { route: 'settings' } });
  });

  it('an operator who must sign in, a rejected key or a missing one offer Settings', () => {
    for (const code of ['sign_in_required', 'key_rejected', 'secret_missing']) {
      expect(reactionFor(error(code))).toMatchObject({ kind: 'toast', open: { label: 'Open Settings', route: 'settings' } });
    }
  });

  it('a client timeout says so and reloads what is shown (the call may have been applied)', () => {
    expect(reactionFor(error('client_timeout', { hint: 'The call may still have been applied.' }))).toMatchObject({ kind: 'toast', reload: true });
  });

  it('a missing admin function (PGRST202) offers Migrations', () => {
    expect(reactionFor(error('PGRST202'))).toMatchObject({ kind: 'toast', open: { label: 'Open Migrations', route: 'migrations' } });
  });

  it('a conflict (PT409) opens the conflict dialog with who changed the item', () => {
    const change = {
      audit_id: 3,
      action: 'flag',
      operator_id: 'u',
      operator: 'grace_moderator',
      from_state: 'pending',
      to_state: 'flagged',
      at: '2026-01-01T00:00:00Z',
    };
    expect(
      reactionFor(error('PT409', { message: 'The video changed since you loaded it.', details: JSON.stringify(change), hint: 'Reload it.' })),
    ).toEqual({
      kind: 'conflict',
      message: 'The video changed since you loaded it.',
      hint: 'Reload it.',
      details: null,
      lastChange: { operator: 'grace_moderator', action: 'flag', from_state: 'pending', to_state: 'flagged', at: '2026-01-01T00:00:00Z' },
    });
  });

  it('a conflict with plain-text details keeps them as text', () => {
    expect(reactionFor(error('PT409', { details: 'renamed by ada at 10:00' }))).toMatchObject({
      kind: 'conflict',
      lastChange: null,
      details: 'renamed by ada at 10:00',
    });
  });

  it('a production confirmation asks for the quoted name, when the caller can retry', () => {
    const e = error('confirmation_required', { message: '"Live" is a production profile: type its name to delete tags.' });
    expect(reactionFor(e, { retry: true })).toEqual({ kind: 'confirm', message: e.message, name: 'Live' });
    expect(reactionFor(e)).toMatchObject({ kind: 'toast', message: e.message });
  });

  it('validation errors go under their fields on a form', () => {
    const e = error('invalid_input', { fields: { name: 'Give it a name.', 'provider.baseUrl': 'Not a URL.' } });
    expect(reactionFor(e, { form: true })).toEqual({ kind: 'fields', fields: { name: 'Give it a name.', 'provider.baseUrl': 'Not a URL.' } });
    expect(reactionFor(e)).toMatchObject({ kind: 'toast' });
    expect(reactionFor(error('invalid_input'), { form: true })).toMatchObject({ kind: 'form' });
  });

  it("anything else: a toast with message and hint, or the form's message", () => {
    const e = error('23514', { message: 'This prerequisite link would close a cycle.', hint: 'Remove a link first.' });
    expect(reactionFor(e)).toEqual({ kind: 'toast', message: e.message, hint: 'Remove a link first.' });
    expect(reactionFor(e, { form: true })).toEqual({ kind: 'form', message: 'This prerequisite link would close a cycle. Remove a link first.' });
  });

  it('a code named like an object property is not a row of the table', () => {
    expect(reactionFor(error('toString'))).toMatchObject({ kind: 'toast' });
    expect(reactionFor(error('constructor'))).toMatchObject({ kind: 'toast' });
  });

  it('any thrown value becomes the one error shape', () => {
    expect(toErrorShape(new Error('boom'))).toEqual({ code: 'internal', message: 'boom', details: null, hint: null, fields: undefined });
    expect(toErrorShape('text')).toEqual({ code: 'internal', message: 'text', details: null, hint: null });
    expect(reactionFor(new TypeError('Failed to fetch'))).toEqual({ kind: 'toast', message: 'Failed to fetch', hint: null });
  });
});
