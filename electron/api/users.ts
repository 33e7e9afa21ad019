// The users and staff channels' schemas: the Users page (search, a user's detail), staff roles
// (the operator's own, the staff list and history, grant and revoke). Limits mirror the database's.
import { z } from 'zod';

const uuid = z.string().uuid('Not a valid id.');
const iso = z.string();

export const STAFF_ROLES = ['moderator', 'curator', 'admin'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRoleName = z.infer<typeof staffRoleSchema>;

export const myRolesSchema = z.object({
  id: z.string(),
  username: z.string().nullable(),
  roles: z.array(staffRoleSchema),
  /** What the roles allow: admin spelled out as every role. */
  effective: z.array(staffRoleSchema),
});
export type MyRoles = z.infer<typeof myRolesSchema>;

export const userRowSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string().nullable(),
  email: z.string(),
  is_active: z.boolean(),
  created_at: iso.nullable(),
  last_login_at: iso.nullable(),
  roles: z.array(staffRoleSchema),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const userPageInputSchema = z
  .object({
    search: z.string().trim().max(200, 'Keep the search under 200 characters.').default(''),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: z.object({ username: z.string() }).strict().nullable().optional(),
  })
  .strict();
export const userPageSchema = z.object({ rows: z.array(userRowSchema), next_cursor: z.object({ username: z.string() }).nullable() });

const auditSchema = z.object({
  id: z.number(),
  at: iso,
  action: z.string(),
  target_type: z.string(),
  target_id: z.string(),
  from_state: z.string().nullable(),
  to_state: z.string().nullable(),
  reason: z.string().nullable(),
});
const reportSchema = z.object({
  id: z.string(),
  target_type: z.string(),
  target_id: z.string(),
  reason: z.string(),
  status: z.string(),
  created_at: iso,
});
const staffChangeSchema = z.object({
  id: z.number(),
  at: iso,
  operator: z.string(),
  action: z.enum(['grant', 'revoke']),
  role: staffRoleSchema,
  reason: z.string().nullable(),
});

export const userDetailSchema = z.object({
  user: userRowSchema.extend({ bio: z.string().nullable() }),
  counts: z.object({ submissions: z.number(), comments: z.number(), reports_filed: z.number() }),
  submissions: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), created_at: iso.nullable() })),
  comments: z.array(
    z.object({
      id: z.string(),
      video_id: z.string(),
      video_title: z.string(),
      content: z.string(),
      is_deleted: z.boolean(),
      created_at: iso.nullable(),
    }),
  ),
  reports_filed: z.array(reportSchema),
  reports_received: z.array(reportSchema.extend({ reporter: z.string() })),
  history_as_subject: z.array(auditSchema.extend({ operator: z.string() })),
  history_as_operator: z.array(auditSchema),
  /** Null unless the operator is an admin. */
  staff_history: z.array(staffChangeSchema).nullable(),
});
export type UserDetail = z.infer<typeof userDetailSchema>;

const reasonSchema = z.string().trim().max(2000, 'Keep the reason under 2,000 characters.');

export const setActiveSchema = z
  .object({
    userId: uuid,
    active: z.boolean(),
    expectedActive: z.boolean(),
    reason: reasonSchema.optional(),
    confirm: z.string().max(200).optional(),
  })
  .strict()
  .refine((v) => v.active || (v.reason ?? '').trim() !== '', { message: 'A suspension needs a reason.', path: ['reason'] });

export const changeRoleSchema = z
  .object({
    userId: uuid,
    role: staffRoleSchema,
    reason: reasonSchema.min(1, 'Say why (it is kept in the staff history).'),
    confirm: z.string().max(200).optional(),
  })
  .strict();
export const roleChangeResultSchema = z.object({
  user_id: z.string(),
  username: z.string(),
  role: staffRoleSchema,
  action: z.enum(['grant', 'revoke']),
  audit_id: z.number(),
  roles: z.array(staffRoleSchema),
});

export const staffMemberSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string().nullable(),
  is_active: z.boolean().nullable(),
  roles: z.array(z.object({ role: staffRoleSchema, granted_by: z.string().nullable(), granted_by_username: z.string().nullable(), granted_at: iso })),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
export const staffHistoryRowSchema = z.object({
  id: z.number(),
  at: iso,
  operator: z.string(),
  action: z.enum(['grant', 'revoke']),
  user_id: z.string(),
  username: z.string(),
  role: staffRoleSchema,
  reason: z.string().nullable(),
});
export type StaffHistoryRow = z.infer<typeof staffHistoryRowSchema>;
