// The API: one router per domain, merged here. The SPA imports `type AppRouter` and nothing else.

import { auditRouter } from '../modules/audit/audit.router.ts';
import { authRouter } from '../modules/auth/auth.router.ts';
import { billingRouter } from '../modules/billing/billing.router.ts';
import { staffBillingRouter } from '../modules/billing/billing-staff.router.ts';
import { botRouter } from '../modules/bot/bot.router.ts';
import { botConfigRouter } from '../modules/bot-config/bot-config.router.ts';
import { cloudRouter } from '../modules/cloud/cloud.router.ts';
import { conversationRouter } from '../modules/conversation/conversation.router.ts';
import { deadLettersRouter } from '../modules/conversation/dead-letters.router.ts';
import { gatewayRouter } from '../modules/gateway/gateway.router.ts';
import { providersRouter } from '../modules/gateway/providers/provider.router.ts';
import { impersonationRouter } from '../modules/impersonation/impersonation.router.ts';
import { invitationRouter } from '../modules/invitation/invitation.router.ts';
import { memberRouter } from '../modules/member/member.router.ts';
import { metaRouter } from '../modules/meta/meta.router.ts';
import { staffRouter } from '../modules/staff/staff.router.ts';
import { tenantRouter } from '../modules/tenant/tenant.router.ts';
import { webhookRouter } from '../modules/webhooks/webhook.router.ts';
import { hostsRouter } from '../modules/whatsapp/hosts.router.ts';
import { whatsappRouter } from '../modules/whatsapp/whatsapp.router.ts';
import { router } from './procedures.ts';

export const appRouter = router({
  auth: authRouter,
  tenant: tenantRouter,
  member: memberRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  staff: staffRouter,
  impersonation: impersonationRouter,
  gateway: gatewayRouter,
  providers: providersRouter,
  bots: botRouter,
  whatsapp: whatsappRouter,
  hosts: hostsRouter,
  botConfig: botConfigRouter,
  conversations: conversationRouter,
  deadLetters: deadLettersRouter,
  meta: metaRouter,
  webhooks: webhookRouter,
  cloud: cloudRouter,
  billing: billingRouter,
  staffBilling: staffBillingRouter,
});

export type AppRouter = typeof appRouter;
