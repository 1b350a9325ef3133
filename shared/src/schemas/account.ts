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

export const ZWorkspaceName = z.string().trim().min(2, 'Use at least 2 characters').max(80, 'Use at most 80 characters');

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
