// What kind of Supabase API key a string is, without verifying it (only the project can).
export type SupabaseKeyKind = 'service_role' | 'secret' | 'anon' | 'publishable' | 'unknown';

export function supabaseKeyKind(key: string): SupabaseKeyKind {
  if (key.startsWith('sb_secret_')) return 'secret';
  if (key.startsWith('sb_publishable_')) return 'publishable';
  const parts = key.split('.');
  if (parts.length !== 3) return 'unknown';
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { role?: unknown };
    if (payload.role === 'service_role') return 'service_role';
    if (payload.role === 'anon') return 'anon';
  } catch {
    /* not a JWT */
  }
  return 'unknown';
}
