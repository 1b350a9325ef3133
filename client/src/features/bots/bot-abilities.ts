// What the viewer may do with bots and their WhatsApp link, and if not, why: their role, or a
// staff impersonation (deleting and unlinking are refused while impersonating). Mirrors the
// server's checks (bot.router.ts, whatsapp.router.ts) so disabled controls never lie.
import { can, type Role } from '@colmeia/shared';

export type Blocked = 'role' | 'impersonation' | null;

export interface BotAbilities {
  /** Create and rename bots. */
  manage: Blocked;
  delete: Blocked;
  /** Start, restart, pairing code, demo phone. */
  link: Blocked;
  unlink: Blocked;
}

export function botAbilities(role: Role | null, impersonating: boolean): BotAbilities {
  const byRole = (allowed: boolean): Blocked => (allowed ? null : 'role');
  const sensitive = (allowed: boolean): Blocked =>
    !allowed ? 'role' : impersonating ? 'impersonation' : null;
  const has = (permission: Parameters<typeof can>[1]) => role !== null && can(role, permission);
  return {
    manage: byRole(has('bots.manage')),
    delete: sensitive(has('bots.delete')),
    link: byRole(has('whatsapp.manage')),
    unlink: sensitive(has('whatsapp.manage')),
  };
}
