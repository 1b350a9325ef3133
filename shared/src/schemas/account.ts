// Account and workspace schemas shared by the SPA forms and the server's procedure inputs, so a
// field is validated by the same rule in both places and errors point at the same field.
import { z } from 'zod';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'E-mail too long')
  .pipe(z.email({ message: 'Enter a valid e-mail address' }));

export const ZPassword = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

export const ZPersonName = z.string().trim().min(1, 'Required').max(120, 'Use at most 120 characters');

export const ZWorkspaceName = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters')
  .max(80, 'Use at most 80 characters');

export const ZLocale = z.enum(['pt-BR', 'en']);
export type Locale = z.infer<typeof ZLocale>;

/** Roles inside a workspace, most powerful first. */
export const ROLES = ['owner', 'admin', 'member', 'viewer', 'billing'] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;
/** Roles that can be given by invitation or role change (ownership moves only by transfer). */
export const ZAssignableRole = z.enum(['admin', 'member', 'viewer', 'billing']);

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
  locale: ZLocale.default('pt-BR'),
});

export const ZLoginInput = z.object({ email: ZEmail, password: z.string().min(1, 'Required').max(200) });

export const ZTokenInput = z.object({ token: z.string().min(16).max(200) });

export const ZResetPasswordInput = z.object({ token: z.string().min(16).max(200), password: ZPassword });

export const ZId = z.uuid({ message: 'Invalid id' });

// --- auth procedures (server/src/modules/auth) ---

export const ZEmailInput = z.object({ email: ZEmail });

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Required').max(200),
  newPassword: ZPassword,
});

export const ZUpdateProfileInput = z.object({ name: ZPersonName, locale: ZLocale });

export const ZOk = z.object({ ok: z.literal(true) });

export const ZSignUpResult = z.object({ ok: z.literal(true), email: z.string() });

export const ZMeUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  isStaff: z.boolean(),
  emailVerified: z.boolean(),
});
export type MeUser = z.infer<typeof ZMeUser>;

/** Shown as a banner while a staff member acts as this user. */
export const ZMeImpersonation = z.object({
  sessionId: z.string(),
  staffName: z.string(),
  staffEmail: z.string(),
  reason: z.string(),
  ticket: z.string().nullable(),
  tenantId: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});

/** `auth.me`: user null when logged out (it never answers UNAUTHORIZED). */
export const ZMe = z.object({
  user: ZMeUser.nullable(),
  impersonation: ZMeImpersonation.nullable(),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: ZRole })),
});
export type Me = z.infer<typeof ZMe>;

export const ZSessionInfo = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof ZSessionInfo>;

export const ZRevokeSessionInput = z.object({ id: ZId });

export const ZRevokeOtherSessionsResult = z.object({ ok: z.literal(true), revoked: z.number().int() });
