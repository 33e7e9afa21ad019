import { describe, expect, it } from 'vitest';
import { supabaseKeyKind } from '../../electron/db/supabase-key';
import { signJwt } from '../support/jwt';

describe('supabaseKeyKind', () => {
  it('recognises legacy JWT keys by their role claim', () => {
    expect(supabaseKeyKind(signJwt({ role: 'service_role' }, 's'))).toBe('service_role');
    expect(supabaseKeyKind(signJwt({ role: 'anon' }, 's'))).toBe('anon');
  });
  it('recognises the new sb_ keys', () => {
    expect(supabaseKeyKind('sb_secret_abc')).toBe('secret');
    expect(supabaseKeyKind('sb_publishable_abc')).toBe('publishable');
  });
  it('says unknown for anything else', () => {
    expect(supabaseKeyKind('hello')).toBe('unknown');
    expect(supabaseKeyKind('a.b.c')).toBe('unknown');
  });
});
