// tRPC is initialised once here: context type, procedure meta, error shape sent to the SPA.
// Base procedures live in procedures.ts; domain routers only import from there.

import type { Permission } from '@colmeia/shared';
import { initTRPC } from '@trpc/server';
import { ZodError, z } from 'zod';
import { AppError } from '../errors.ts';
import type { Context } from './context.ts';

export interface Meta {
  /** Procedures built on tenantProcedure say so; the isolation test enumerates them. */
  scope?: 'public' | 'authed' | 'tenant' | 'staff';
  /** Workspace permission required (checked against the caller's role in the tenant). */
  permission?: Permission;
  /** Refused while a staff member is impersonating (credentials, billing, members, deletes, …). */
  blockedWhileImpersonating?: boolean;
  /** The handler writes its own, more specific audit row (e.g. impersonation.stopped). */
  auditedByHandler?: boolean;
}

export const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fields =
        cause instanceof ZodError
          ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
          : cause instanceof AppError
            ? cause.fields
            : undefined;
      const message = cause instanceof ZodError ? summarize(cause) : shape.message;
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          reason: cause instanceof AppError ? (cause.reason ?? null) : null,
          fields: fields ?? null,
        },
      };
    },
  });

function summarize(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
