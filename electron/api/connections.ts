// Connection profiles as the renderer sees them (never a secret), and the form schemas that
// the settings page and the main process both validate with.
import { z } from 'zod';

export const profileKindSchema = z.enum(['embedded', 'supabase', 'postgres']);
export type ProfileKind = z.infer<typeof profileKindSchema>;

const name = z.string().trim().min(1, 'Give the profile a name.').max(60, 'Keep the name under 60 characters.');

export const supabaseUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the project URL.')
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), 'Enter a URL such as https://abcdefgh.supabase.co')
  .refine((v) => !URL.canParse(v) || new URL(v).pathname.replace(/\/$/, '') === '', 'Use the project URL without a path (no /rest/v1).')
  .refine(
    (v) => !URL.canParse(v) || isHttpsOrLoopback(new URL(v)),
    'Use https:// (plain http only for a project on this machine): the service-role key is sent there.',
  );

/** The key travels in clear over plain http: only to this machine. */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
}

export const databaseUrlSchema = z
  .string()
  .trim()
  .refine(
    (v) => /^postgres(ql)?:\/\/\S+$/.test(v) && URL.canParse(v),
    'Enter a URL such as postgresql://postgres:password@db.abcdefgh.supabase.co:5432/postgres',
  );

/** What the renderer sends to create or edit a profile. Secrets are optional on edit (kept when omitted). */
export const profileInputSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().uuid().optional(),
    kind: z.literal('supabase'),
    name,
    production: z.boolean().default(false),
    supabaseUrl: supabaseUrlSchema,
    serviceRoleKey: z.string().trim().min(20, 'Paste the service-role key (Project Settings > API).').optional(),
    databaseUrl: z.union([databaseUrlSchema, z.literal('')]).optional(),
    operatorId: z.string().uuid().nullable().optional(),
  }),
  z.object({
    id: z.string().uuid().optional(),
    kind: z.literal('postgres'),
    name,
    production: z.boolean().default(false),
    databaseUrl: databaseUrlSchema.optional(),
    operatorId: z.string().uuid().nullable().optional(),
  }),
]);
export type ProfileInput = z.input<typeof profileInputSchema>;

/** Where a secret is kept: encrypted with the OS keyring; this session only (no keyring: never written); environment; the secrets file. */
export const secretStatusSchema = z.object({
  set: z.boolean(),
  hint: z.string().nullable(),
  source: z.enum(['encrypted', 'session', 'environment', 'file', 'none']),
});
export type SecretStatus = z.infer<typeof secretStatusSchema>;

export const profileSchema = z.object({
  id: z.string(),
  kind: profileKindSchema,
  name: z.string(),
  production: z.boolean(),
  supabaseUrl: z.string().nullable(),
  /** Host and database of the database URL, never its password. */
  databaseLabel: z.string().nullable(),
  serviceRoleKey: secretStatusSchema.nullable(),
  databaseUrl: secretStatusSchema.nullable(),
  operatorId: z.string().nullable(),
  /** Supabase profiles: the e-mail of the operator signed in with Supabase Auth. */
  signedInAs: z.string().nullable(),
  readOnly: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const signInSchema = z
  .object({
    id: z.string().min(1),
    email: z.string().trim().email('Enter your e-mail address.'),
    password: z.string().min(1, 'Enter your password.').max(200),
  })
  .strict();

export const connectionsStateSchema = z.object({
  profiles: z.array(profileSchema),
  activeId: z.string(),
  /** Where secrets come from in this shell: encrypted storage (Electron) or env/file (browser shell). */
  secretsEditable: z.boolean(),
  secretsFile: z.string().nullable(),
});
export type ConnectionsState = z.infer<typeof connectionsStateSchema>;

export const connectionCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export const connectionTestSchema = z.object({ ok: z.boolean(), checks: z.array(connectionCheckSchema) });
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
