// How replies leave, per channel. The pipeline only knows ChannelSender; `web` sends through the
// bot's host (command id = our message id, so a retried send is one WhatsApp message), `sandbox`
// keeps replies in the database only. Cloud API numbers add their own sender.
import type { HostCommandBus } from '../whatsapp/command-bus.ts';
import type { Placement } from '../whatsapp/link-updates.ts';

export interface ChannelSender {
  typing(chatId: string): Promise<void>;
  /** Resolves with the channel's id for the sent message (null when the channel has none). */
  send(
    chatId: string,
    text: string,
    opts: { commandId: string; replyTo: string | null },
  ): Promise<string | null>;
}

export class SendError extends Error {}
/**
 * A send that no retry can fix (the Cloud API's 24-hour window, an undeliverable number, a revoked
 * token): the pipeline marks the reply failed with this message instead of retrying the job.
 */
export class PermanentSendError extends SendError {}

export const sandboxSender: ChannelSender = {
  async typing() {},
  async send() {
    return null;
  },
};

export class WebSender implements ChannelSender {
  private readonly d: {
    bus: HostCommandBus;
    /** The bot's session placement (cached briefly; dropped whenever the record changes). */
    placement: () => Promise<Placement | null>;
    botId: string;
  };
  constructor(d: WebSender['d']) {
    this.d = d;
  }

  async typing(chatId: string): Promise<void> {
    const host = await this.host();
    await this.d.bus.send(host, this.d.botId, { type: 'typing', chatId, on: true });
  }

  async send(
    chatId: string,
    text: string,
    opts: { commandId: string; replyTo: string | null },
  ): Promise<string | null> {
    const host = await this.host();
    const command = {
      type: 'send_text' as const,
      chatId,
      text,
      ...(opts.replyTo ? { replyTo: opts.replyTo } : {}),
    };
    const result = await this.d.bus.call(host, this.d.botId, command, {
      id: opts.commandId,
      timeoutMs: 45_000,
    });
    if (!result.ok) throw new SendError(`WhatsApp send failed (${result.code}): ${result.message}`);
    return result.waMessageId ?? null;
  }

  private async host(): Promise<string> {
    const session = await this.d.placement();
    if (!session?.hostId || session.state !== 'ready')
      throw new SendError(`the bot's WhatsApp is not connected (${session?.state ?? 'no session'})`);
    return session.hostId;
  }
}
