// Replies of a Cloud API bot, through the Graph API. Free-form messages are refused outside the
// 24-hour customer service window (only templates may go then). Meta's errors split three ways:
// limits and hiccups throw SendError (the pipeline job retries with backoff); an invalid token
// flags the bot's settings; the rest, like the window, throw PermanentSendError (reply failed).
import { type ChannelSender, PermanentSendError, SendError } from '../conversation/channels.ts';
import type { PipelineInput } from '../conversation/pipeline.types.ts';
import type { SecretBox } from '../gateway/providers/secret-box.ts';
import type { CloudRepository } from './cloud.repository.ts';
import type { CloudSettings } from './cloud-settings.entity.ts';
import { GraphError, type GraphTarget, postMessages } from './graph-client.ts';

export const SERVICE_WINDOW_MS = 24 * 3600_000;

export interface CloudSenderDeps {
  repo: CloudRepository;
  box: SecretBox;
  /** The inbound message being answered: its id is what a typing indicator refers to. */
  input: Pick<PipelineInput, 'tenantId' | 'botId' | 'externalId'>;
  now: () => Date;
}

export class CloudSender implements ChannelSender {
  private readonly d: CloudSenderDeps;
  private settings: CloudSettings | null = null;
  constructor(d: CloudSenderDeps) {
    this.d = d;
  }

  /** Marks the message read and shows "typing…" until the reply (or 25 s). */
  async typing(): Promise<void> {
    await this.call({
      status: 'read',
      message_id: this.d.input.externalId,
      typing_indicator: { type: 'text' },
    });
  }

  async send(chatId: string, text: string, opts: { replyTo: string | null }): Promise<string | null> {
    const { tenantId, botId } = this.d.input;
    const last = await this.d.repo.lastInboundAt(tenantId, botId, chatId);
    if (!last || this.d.now().getTime() - last.getTime() > SERVICE_WINDOW_MS) {
      throw new PermanentSendError(
        `window_closed: more than 24 hours have passed since the contact last wrote${last ? ` (${last.toISOString()})` : ''}; WhatsApp only accepts a template message now`,
      );
    }
    const answer = (await this.call({
      recipient_type: 'individual',
      to: chatId,
      type: 'text',
      text: { preview_url: false, body: text },
      ...(opts.replyTo ? { context: { message_id: opts.replyTo } } : {}),
    })) as { messages?: { id?: string }[] } | null;
    const id = answer?.messages?.[0]?.id;
    if (!id) throw new SendError('the Graph API accepted the message without giving its id');
    return id;
  }

  private async call(body: Record<string, unknown>): Promise<unknown> {
    const target = await this.target();
    try {
      return await postMessages(target, body);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      if (err.kind === 'retry') throw new SendError(`${err.code}: ${err.message}`);
      if (err.kind === 'token') {
        const settings = this.settings as CloudSettings;
        const flag = { tokenInvalidAt: this.d.now(), tokenError: err.message.slice(0, 500) };
        await this.d.repo.stamp(settings, flag);
        Object.assign(settings, flag);
        throw new PermanentSendError(
          `190: Meta refused the access token (${err.message}); save a new token in the bot's Cloud API settings`,
        );
      }
      throw new PermanentSendError(`${err.code}: ${err.message}`);
    }
  }

  private async target(): Promise<GraphTarget> {
    this.settings ??= await this.d.repo.find(this.d.input.tenantId, this.d.input.botId);
    const s = this.settings;
    if (!s?.phoneNumberId || !s.accessTokenSealed) {
      throw new PermanentSendError("not_configured: the bot's Cloud API number or access token is not set");
    }
    if (s.tokenInvalidAt) {
      throw new PermanentSendError(
        `190: Meta refused the access token on ${s.tokenInvalidAt.toISOString()}; save a new token in the bot's Cloud API settings`,
      );
    }
    return {
      baseUrl: s.graphBaseUrl,
      phoneNumberId: s.phoneNumberId,
      accessToken: this.d.box.open(s.accessTokenSealed),
    };
  }
}
