// One call shape for the admin API whatever the backend: `call('admin_x', {p_a: ...})`.
// Every failure is an AdminError {code, message, details, hint}.

export type AdminArgs = Record<string, unknown>;

export interface AdminGateway {
  readonly backend: 'embedded' | 'postgres' | 'supabase';
  call(fn: string, args?: AdminArgs): Promise<unknown>;
  /** Forgets the function signatures it looked up (after migrations). */
  reloadSchema(): void;
  close(): Promise<void>;
}

export const ADMIN_FUNCTION_NAME = /^admin_[a-z0-9_]+$/;
