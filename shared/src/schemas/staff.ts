// Staff console and impersonation schemas: the inputs the SPA's staff screens send and the rows they
// render. Staff is a platform role (User.isStaff), never a workspace role.
import { z } from 'zod';
import { ZId, ZRole } from './account.ts';

const ZIsoDate = z.iso.datetime();
const ZSearch = z.string().trim().max(100, 'Use at most 100 characters');
const ZCursor = z.string().max(200);
const ZLimit = z.number().int().min(1).max(100);

function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

// --- staff console -------------------------------------------------------------------------------

export const ZStaffTenantsInput = z.object({
  search: ZSearch.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit.optional(),
});

export const ZStaffTenantRow = z.object({
  id: ZId,
  name: z.string(),
  createdAt: ZIsoDate,
  memberCount: z.number().int(),
  ownerEmail: z.string().nullable(),
});
export const ZStaffTenantsPage = page(ZStaffTenantRow);
export type StaffTenantRow = z.infer<typeof ZStaffTenantRow>;

export const ZStaffAuditRow = z.object({
  id: ZId,
  tenantId: ZId.nullable(),
  tenantName: z.string().nullable(),
  action: z.string(),
  actorEmail: z.string().nullable(),
  subjectEmail: z.string().nullable(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  via: z.enum(['direct', 'impersonation', 'system']),
  createdAt: ZIsoDate,
});
export type StaffAuditRow = z.infer<typeof ZStaffAuditRow>;

export const ZStaffTenantInput = z.object({ id: ZId });

export const ZStaffTenantMember = z.object({
  userId: ZId,
  name: z.string(),
  email: z.string(),
  role: ZRole,
  isStaff: z.boolean(),
  joinedAt: ZIsoDate,
});

export const ZStaffTenantDetail = z.object({
  id: ZId,
  name: z.string(),
  createdAt: ZIsoDate,
  members: z.array(ZStaffTenantMember),
  /** Filled by the billing issue; null until then (the SPA shows an empty state). */
  plan: z.null(),
  /** Filled by the bots issue; empty until then. */
  bots: z.array(z.never()),
  recentAudit: z.array(ZStaffAuditRow),
});
export type StaffTenantDetail = z.infer<typeof ZStaffTenantDetail>;

export const ZStaffUsersInput = z.object({
  search: ZSearch.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit.optional(),
});

export const ZStaffUserRow = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  isStaff: z.boolean(),
  createdAt: ZIsoDate,
  workspaces: z.array(z.object({ id: ZId, name: z.string(), role: ZRole })),
});
export const ZStaffUsersPage = page(ZStaffUserRow);
export type StaffUserRow = z.infer<typeof ZStaffUserRow>;

export const ZStaffOutboxInput = z.object({
  to: ZSearch.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit.optional(),
});

export const ZStaffOutboxRow = z.object({
  id: ZId,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'sent', 'outbox', 'failed']),
  createdAt: ZIsoDate,
});
export const ZStaffOutboxPage = page(ZStaffOutboxRow);
export type StaffOutboxRow = z.infer<typeof ZStaffOutboxRow>;

export const ZStaffAuditInput = z.object({
  tenantId: ZId.optional(),
  /** Prefix match: 'impersonation' finds every impersonation.* event. */
  action: z.string().trim().max(80).optional(),
  /** Part of the actor's e-mail. */
  actor: ZSearch.optional(),
  cursor: ZCursor.optional(),
  limit: ZLimit.optional(),
});
export const ZStaffAuditPage = page(ZStaffAuditRow);

// --- impersonation -------------------------------------------------------------------------------

export const ZImpersonationStartInput = z.object({
  userId: ZId,
  tenantId: ZId,
  reason: z
    .string({ error: 'Say why you need to act as this user' })
    .trim()
    .min(10, 'Say why in at least 10 characters')
    .max(500, 'Use at most 500 characters'),
  ticket: z
    .string()
    .trim()
    .max(100, 'Use at most 100 characters')
    .optional()
    .transform((v) => v || undefined),
});
export type ImpersonationStartInput = z.infer<typeof ZImpersonationStartInput>;

/** `url` is an SPA path (/impersonate?token=…) valid for a few minutes, once, for the same staff member. */
export const ZImpersonationStartOutput = z.object({ url: z.string(), expiresAt: ZIsoDate });

export const ZImpersonationRedeemOutput = z.object({ tenantId: ZId, expiresAt: ZIsoDate });

export const ZImpersonationExitOutput = z.object({ ok: z.literal(true) });
