// Every entity the ORM knows. New modules add theirs here (the migration check reads this list).

import { AuditEvent } from '../modules/audit/audit.entity.ts';
import { OneTimeToken } from '../modules/auth/one-time-token.entity.ts';
import { AuthSession } from '../modules/auth/session.entity.ts';
import { PlanSetting } from '../modules/billing/plan-setting.entity.ts';
import { StripeEvent } from '../modules/billing/stripe-event.entity.ts';
import { Subscription } from '../modules/billing/subscription.entity.ts';
import { Bot } from '../modules/bot/bot.entity.ts';
import { BotConfigVersion } from '../modules/bot-config/bot-config-version.entity.ts';
import { CloudSettings } from '../modules/cloud/cloud-settings.entity.ts';
import { ChatMessage } from '../modules/conversation/chat-message.entity.ts';
import { Conversation } from '../modules/conversation/conversation.entity.ts';
import { PairingRequest } from '../modules/conversation/pairing-request.entity.ts';
import { EmailMessage } from '../modules/email/email.entity.ts';
import { ApiKey } from '../modules/gateway/api-keys/api-key.entity.ts';
import { Budget } from '../modules/gateway/budgets/budget.entity.ts';
import { BudgetAlert } from '../modules/gateway/budgets/budget-alert.entity.ts';
import { LlmProvider } from '../modules/gateway/providers/provider.entity.ts';
import { LlmUsage } from '../modules/gateway/usage/usage.entity.ts';
import { Invitation } from '../modules/invitation/invitation.entity.ts';
import { Membership } from '../modules/member/membership.entity.ts';
import { Tenant } from '../modules/tenant/tenant.entity.ts';
import { User } from '../modules/user/user.entity.ts';
import { WebhookDelivery } from '../modules/webhooks/webhook-delivery.entity.ts';
import { WebhookEndpoint } from '../modules/webhooks/webhook-endpoint.entity.ts';
import { BotHost } from '../modules/whatsapp/bot-host.entity.ts';
import { HostEvent } from '../modules/whatsapp/host-event.entity.ts';
import { WaSession } from '../modules/whatsapp/wa-session.entity.ts';

export const entities = [
  User,
  AuthSession,
  OneTimeToken,
  Tenant,
  Membership,
  Invitation,
  AuditEvent,
  EmailMessage,
  LlmProvider,
  ApiKey,
  LlmUsage,
  Budget,
  BudgetAlert,
  Bot,
  WaSession,
  BotHost,
  HostEvent,
  BotConfigVersion,
  Conversation,
  ChatMessage,
  PairingRequest,
  WebhookEndpoint,
  WebhookDelivery,
  CloudSettings,
  Subscription,
  StripeEvent,
  PlanSetting,
];
