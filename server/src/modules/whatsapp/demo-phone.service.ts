// Demo and test modes only: drives the WhatsApp Web emulator's phone on the bot's host, so a
// newcomer can link a "phone" without WhatsApp. Production has no emulator and refuses.
import { AppError } from '../../errors.ts';
import type { BotHostRepository } from './bot-host.repository.ts';
import type { WaSessionRepository } from './wa-session.repository.ts';

export type DemoPhoneDeps = {
  sessions: WaSessionRepository;
  hosts: BotHostRepository;
  hostToken: string;
  enabled: boolean;
  tenantName: (tenantId: string) => Promise<string>;
};

export class DemoPhoneService {
  private readonly d: DemoPhoneDeps;
  constructor(d: DemoPhoneDeps) {
    this.d = d;
  }

  async link(tenantId: string, botId: string, action: 'scan' | 'code'): Promise<void> {
    if (!this.d.enabled)
      throw new AppError('NOT_FOUND', 'The demo phone exists in demo mode only.', { reason: 'demo.off' });
    const session = await this.d.sessions.find(tenantId, botId);
    const host = session?.hostId ? await this.d.hosts.find(session.hostId) : null;
    if (!session || !host) {
      throw new AppError('PRECONDITION_FAILED', 'Start linking first.', { reason: 'whatsapp.not_started' });
    }
    if (action === 'code' && !session.pairingCode) {
      throw new AppError('PRECONDITION_FAILED', 'Ask for a pairing code first.', {
        reason: 'whatsapp.no_pairing_code',
      });
    }
    // A stable Brazilian-looking number per bot, so the demo shows "connected as +55 …".
    const digits = [...botId.replaceAll('-', '')].map((c) => Number.parseInt(c, 16) % 10).join('');
    const body =
      action === 'scan'
        ? {
            number: session.pairingPhone ?? `55119${digits.slice(0, 8)}`,
            name: await this.d.tenantName(tenantId),
          }
        : { code: session.pairingCode, name: await this.d.tenantName(tenantId) };
    const res = await fetch(new URL(`/emulator/sessions/${botId}/${action}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.d.hostToken}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) {
      const detail = (await res.json().catch(() => ({}))) as { message?: string };
      throw new AppError('CONFLICT', detail.message ?? `The demo phone refused (${res.status}).`, {
        reason: 'whatsapp.demo_refused',
      });
    }
  }
}
