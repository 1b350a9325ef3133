// Every entity the ORM knows. New modules add theirs here (the migration check reads this list).

import { AuditEvent } from '../modules/audit/audit.entity.ts';
import { OneTimeToken } from '../modules/auth/one-time-token.entity.ts';
import { AuthSession } from '../modules/auth/session.entity.ts';
import { Bot } from '../modules/bot/bot.entity.ts';
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
];
