// Demo data for a newcomer's first run: two workspaces with owners, members and a bot each, and a
// staff user.
// Idempotent: running it again finds the same people and changes nothing.

import { defaultBotConfig, type Role } from '@colmeia/shared';
import { hash } from '@node-rs/argon2';
import { Bot } from '../modules/bot/bot.entity.ts';
import { BotConfigVersion } from '../modules/bot-config/bot-config-version.entity.ts';
import { Membership } from '../modules/member/membership.entity.ts';
import { Tenant } from '../modules/tenant/tenant.entity.ts';
import { User } from '../modules/user/user.entity.ts';
import { WaSession } from '../modules/whatsapp/wa-session.entity.ts';
import type { Em } from './orm.ts';

export const DEMO_PASSWORD = 'colmeia-demo-2026';

interface DemoPerson {
  email: string;
  name: string;
  isStaff?: boolean;
}

export const DEMO_WORKSPACES: { name: string; members: (DemoPerson & { role: Role })[] }[] = [
  {
    name: 'Padaria Pão Dourado',
    members: [
      { email: 'ana@paodourado.com.br', name: 'Ana Souza', role: 'owner' },
      { email: 'bruno@paodourado.com.br', name: 'Bruno Lima', role: 'member' },
      { email: 'carla@paodourado.com.br', name: 'Carla Dias', role: 'viewer' },
    ],
  },
  {
    name: 'Clínica Sorriso Lisboa',
    members: [
      { email: 'joao@sorrisolisboa.pt', name: 'João Ferreira', role: 'owner' },
      { email: 'marta@sorrisolisboa.pt', name: 'Marta Costa', role: 'admin' },
      { email: 'rui@sorrisolisboa.pt', name: 'Rui Almeida', role: 'billing' },
    ],
  },
];

export const DEMO_STAFF: DemoPerson = {
  email: 'suporte@colmeia.dev',
  name: 'Equipe de Suporte',
  isStaff: true,
};

export async function seedDemo(em: Em): Promise<{ created: boolean }> {
  if (await em.findOne(User, { email: DEMO_STAFF.email })) return { created: false };
  const passwordHash = await hash(DEMO_PASSWORD);
  const now = new Date();
  const person = (p: DemoPerson) =>
    em.create(User, {
      email: p.email,
      name: p.name,
      passwordHash,
      emailVerifiedAt: now,
      locale: 'pt-BR',
      isStaff: p.isStaff ?? false,
    });
  person(DEMO_STAFF);
  for (const ws of DEMO_WORKSPACES) {
    const tenant = em.create(Tenant, { name: ws.name });
    for (const m of ws.members) {
      const user = person(m);
      em.create(Membership, { tenant: tenant.id, user: user.id, role: m.role });
    }
    // One bot per workspace, not linked yet: the newcomer links it with the demo phone.
    const bot = em.create(Bot, { tenant: tenant.id, name: 'Atendimento' });
    em.create(WaSession, { bot: bot.id, tenant: tenant.id });
    const config = defaultBotConfig('Atendimento');
    em.create(BotConfigVersion, {
      tenant: tenant.id,
      bot: bot.id,
      version: 1,
      config: {
        ...config,
        dm: { policy: 'open', allowFrom: [] },
        groups: { ...config.groups, policy: 'open' },
      },
      kind: 'save',
      note: 'Demo: open to every contact and group so the sandbox answers right away',
      authorId: null,
      authorEmail: null,
    });
  }
  await em.flush();
  return { created: true };
}
