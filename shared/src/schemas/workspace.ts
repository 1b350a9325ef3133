// Workspace schemas: workspaces, members, invitations and the workspace audit log. The SPA's forms
// and screens and the server's procedures (tenant, member, invitation, audit routers) share them.
import { z } from 'zod';
import { ZAssignableRole, ZEmail, ZId, ZRole, ZWorkspaceName } from './account.ts';

const ZIsoDate = z.iso.datetime();
const ZToken = z.string().min(16).max(200);

// --- workspaces (tenant.*) -----------------------------------------------------------------------

export const ZWorkspaceSummary = z.object({ id: ZId, name: z.string(), role: ZRole });
export type WorkspaceSummary = z.infer<typeof ZWorkspaceSummary>;

export const ZCreateWorkspaceInput = z.object({ name: ZWorkspaceName });
export const ZRenameWorkspaceInput = z.object({ name: ZWorkspaceName });
/** The owner types the workspace name to confirm a delete. */
export const ZDeleteWorkspaceInput = z.object({ confirmName: z.string().trim().min(1, 'Required').max(80) });

export const ZWorkspaceDetail = z.object({
  id: ZId,
  name: z.string(),
  createdAt: ZIsoDate,
  /** The caller's role in this workspace. */
  role: ZRole,
  memberCount: z.number().int(),
});
export type WorkspaceDetail = z.infer<typeof ZWorkspaceDetail>;

// --- members (member.*) --------------------------------------------------------------------------

export const ZMember = z.object({
  /** The membership id: what updateRole, remove and transferOwnership take. */
  id: ZId,
  userId: ZId,
  name: z.string(),
  email: z.string(),
  role: ZRole,
  joinedAt: ZIsoDate,
});
export type WorkspaceMember = z.infer<typeof ZMember>;

export const ZMembershipInput = z.object({ membershipId: ZId });
export const ZUpdateRoleInput = z.object({ membershipId: ZId, role: ZAssignableRole });

// --- invitations (invitation.*) ------------------------------------------------------------------

/** 'expired' is computed: a pending invitation whose expiry has passed. */
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
export const ZInvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof ZInvitationStatus>;

export const ZCreateInvitationInput = z.object({ email: ZEmail, role: ZAssignableRole });
export const ZInvitationIdInput = z.object({ id: ZId });

export const ZInvitation = z.object({
  id: ZId,
  email: z.string(),
  role: ZRole,
  status: ZInvitationStatus,
  invitedBy: z.object({ name: z.string(), email: z.string() }).nullable(),
  expiresAt: ZIsoDate,
  respondedAt: ZIsoDate.nullable(),
  createdAt: ZIsoDate,
});
export type WorkspaceInvitation = z.infer<typeof ZInvitation>;

export const ZInvitationTokenInput = z.object({ token: ZToken });

/**
 * accept / decline: the e-mailed token, or the id of an invitation from `invitation.listMine`
 * (the id path needs a verified e-mail equal to the invitation's).
 */
export const ZInvitationRef = z
  .object({ token: ZToken.optional(), invitationId: ZId.optional() })
  .refine((v) => Boolean(v.token) !== Boolean(v.invitationId), {
    message: 'Give either token or invitationId',
  });
export type InvitationRef = z.infer<typeof ZInvitationRef>;

/** What the public accept page shows before the visitor logs in or signs up. */
export const ZInvitationPreview = z.object({
  workspaceName: z.string(),
  inviterName: z.string().nullable(),
  role: ZRole,
  email: z.string(),
  status: ZInvitationStatus,
  expiresAt: ZIsoDate,
});
export type InvitationPreview = z.infer<typeof ZInvitationPreview>;

/** A pending invitation addressed to the logged-in user, in any workspace. */
export const ZMyInvitation = z.object({
  id: ZId,
  tenantId: ZId,
  workspaceName: z.string(),
  inviterName: z.string().nullable(),
  role: ZRole,
  email: z.string(),
  expiresAt: ZIsoDate,
  createdAt: ZIsoDate,
});
export type MyInvitation = z.infer<typeof ZMyInvitation>;

export const ZAcceptedInvitation = z.object({ tenantId: ZId, workspaceName: z.string(), role: ZRole });

// --- workspace audit log (audit.list) ------------------------------------------------------------

/** A full ISO date-time, or a bare date (a `to` date then covers that whole day, UTC). */
const ZDateBound = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const ZWorkspaceAuditListInput = z.object({
  /** Prefix match: 'member' finds every member.* event. */
  action: z.string().trim().max(80).optional(),
  /** Part of the actor's e-mail. */
  actor: z.string().trim().max(254).optional(),
  from: ZDateBound.optional(),
  to: ZDateBound.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type WorkspaceAuditListInput = z.input<typeof ZWorkspaceAuditListInput>;

export const ZWorkspaceAuditEvent = z.object({
  id: ZId,
  action: z.string(),
  actorEmail: z.string().nullable(),
  /** Whom the actor acted as (a staff member impersonating this user), else null. */
  subjectEmail: z.string().nullable(),
  via: z.enum(['direct', 'impersonation', 'system']),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  createdAt: ZIsoDate,
});
export type WorkspaceAuditEvent = z.infer<typeof ZWorkspaceAuditEvent>;

export const ZWorkspaceAuditPage = z.object({
  items: z.array(ZWorkspaceAuditEvent),
  nextCursor: z.string().nullable(),
});
