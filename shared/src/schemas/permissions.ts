// What each workspace role may do. The server enforces it (tenantProcedure + permission checks) and
// the SPA uses the same table to disable controls, so the two never disagree.
import type { Role } from './account.ts';

export const PERMISSIONS = {
  'workspace.read': ['owner', 'admin', 'member', 'viewer', 'billing'],
  'workspace.rename': ['owner', 'admin'],
  'workspace.delete': ['owner'],
  'members.read': ['owner', 'admin', 'member', 'viewer', 'billing'],
  'members.manage': ['owner', 'admin'],
  'ownership.transfer': ['owner'],
  'audit.read': ['owner', 'admin'],
  'bots.read': ['owner', 'admin', 'member', 'viewer'],
  'bots.manage': ['owner', 'admin', 'member'],
  'bots.delete': ['owner', 'admin'],
  /** Link, restart and unlink a bot's WhatsApp number. */
  'whatsapp.manage': ['owner', 'admin'],
  'billing.read': ['owner', 'admin', 'billing'],
  'billing.manage': ['owner', 'billing'],
  'gateway.read': ['owner', 'admin', 'billing'],
  'gateway.manage': ['owner', 'admin', 'billing'],
  'apiKeys.manage': ['owner', 'admin'],
  /** Tenant webhooks: endpoints (their URLs may carry credentials), secrets, the delivery log. */
  'webhooks.manage': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
