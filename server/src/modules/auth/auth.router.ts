// auth.*: sign-up, e-mail verification, password and magic-link login, logout, `me`, password reset
// and the caller's own account and sessions. Session cookies are set and cleared here only.
import {
  ZChangePasswordInput,
  ZEmailInput,
  ZLoginInput,
  ZMe,
  ZMeUser,
  ZOk,
  ZResetPasswordInput,
  ZRevokeOtherSessionsResult,
  ZRevokeSessionInput,
  ZSessionInfo,
  ZSignUpInput,
  ZSignUpResult,
  ZTokenInput,
  ZUpdateProfileInput,
} from '@colmeia/shared';
import { z } from 'zod';
import type { Context } from '../../trpc/context.ts';
import { IMPERSONATION_COOKIE, SESSION_COOKIE } from '../../trpc/cookies.ts';
import { authedProcedure, publicProcedure, router } from '../../trpc/procedures.ts';
import type { SessionGrant } from './auth.service.ts';
import type { ClientInfo } from './session.service.ts';

const OK = { ok: true } as const;

function client(ctx: Context): ClientInfo {
  return { ip: ctx.ip, userAgent: ctx.userAgent };
}

function loggedIn(ctx: Context, grant: SessionGrant) {
  // A fresh login replaces whatever this browser was doing, impersonation included.
  ctx.cookies.clear(IMPERSONATION_COOKIE);
  ctx.cookies.set(SESSION_COOKIE, grant.token, grant.expiresAt);
  return OK;
}

const sensitive = authedProcedure.meta({ blockedWhileImpersonating: true });

export const authRouter = router({
  signUp: publicProcedure
    .input(ZSignUpInput)
    .output(ZSignUpResult)
    .mutation(({ ctx, input }) => ctx.c.auth.signUp(input, client(ctx))),

  verifyEmail: publicProcedure
    .input(ZTokenInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) =>
      loggedIn(ctx, await ctx.c.auth.verifyEmail(input.token, client(ctx))),
    ),

  resendVerification: publicProcedure
    .input(ZEmailInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.auth.resendVerification(input.email);
      return OK;
    }),

  login: publicProcedure
    .input(ZLoginInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => loggedIn(ctx, await ctx.c.auth.login(input, client(ctx)))),

  requestMagicLink: publicProcedure
    .input(ZEmailInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.auth.requestMagicLink(input.email);
      return OK;
    }),

  redeemMagicLink: publicProcedure
    .input(ZTokenInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) =>
      loggedIn(ctx, await ctx.c.auth.redeemMagicLink(input.token, client(ctx))),
    ),

  logout: publicProcedure
    .input(z.void())
    .output(ZOk)
    .mutation(async ({ ctx }) => {
      await ctx.c.auth.logout(ctx.auth, ctx.staffAuth, ctx.ip);
      ctx.cookies.clear(SESSION_COOKIE);
      ctx.cookies.clear(IMPERSONATION_COOKIE);
      return OK;
    }),

  me: publicProcedure
    .input(z.void())
    .output(ZMe)
    .query(({ ctx }) => ctx.c.auth.me(ctx.auth)),

  requestPasswordReset: publicProcedure
    .input(ZEmailInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.auth.requestPasswordReset(input.email);
      return OK;
    }),

  resetPassword: publicProcedure
    .input(ZResetPasswordInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.auth.resetPassword(input.token, input.password, client(ctx));
      return OK;
    }),

  changePassword: sensitive
    .input(ZChangePasswordInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.account.changePassword(ctx.user, ctx.auth.session, input, ctx.actor);
      return OK;
    }),

  updateProfile: authedProcedure
    .input(ZUpdateProfileInput)
    .output(ZMeUser)
    .mutation(({ ctx, input }) => ctx.c.account.updateProfile(ctx.user, input, ctx.actor)),

  sessions: authedProcedure
    .input(z.void())
    .output(z.array(ZSessionInfo))
    .query(({ ctx }) => ctx.c.account.list(ctx.user.id, ctx.auth.session.id)),

  revokeSession: sensitive
    .input(ZRevokeSessionInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.account.revoke(ctx.user.id, input.id, ctx.actor);
      return OK;
    }),

  revokeOtherSessions: sensitive
    .input(z.void())
    .output(ZRevokeOtherSessionsResult)
    .mutation(async ({ ctx }) => ({
      ok: true as const,
      revoked: await ctx.c.account.revokeOthers(ctx.user.id, ctx.auth.session.id, ctx.actor),
    })),
});
