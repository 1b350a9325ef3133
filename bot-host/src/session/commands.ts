// Executes protocol commands against a ready whatsapp-web.js Client and maps failures to results.
// Only public Client/Chat/Message APIs are used, so the same code runs on real WhatsApp Web.
import type { CommandResult, SessionCommand } from '@colmeia/shared';
import type { WaClient } from './client-factory.ts';
import { fetchMedia } from './media.ts';

export type CommandContext = {
  client: WaClient;
  ready: boolean;
  unpaired: boolean;
  requestPairingCode: (phoneNumber: string) => Promise<string>;
  logout: () => Promise<void>;
};

const fail = (code: 'not_running' | 'not_found' | 'failed', message: string): CommandResult => ({
  ok: false,
  code,
  message,
});

export async function executeCommand(cmd: SessionCommand, ctx: CommandContext): Promise<CommandResult> {
  try {
    return await run(cmd, ctx);
  } catch (error) {
    return fail('failed', error instanceof Error ? error.message : String(error));
  }
}

async function run(cmd: SessionCommand, ctx: CommandContext): Promise<CommandResult> {
  const { client } = ctx;
  switch (cmd.type) {
    case 'status':
      return { ok: true };
    case 'logout':
      await ctx.logout();
      return { ok: true };
    case 'request_pairing_code':
      if (!ctx.unpaired)
        return fail('not_running', 'pairing codes are only offered while the session is unlinked');
      return { ok: true, pairingCode: await ctx.requestPairingCode(cmd.phoneNumber) };
    default:
      if (!ctx.ready) return fail('not_running', 'the session is not connected to WhatsApp');
  }
  switch (cmd.type) {
    case 'send_text': {
      const sent = await client.sendMessage(cmd.chatId, cmd.text, {
        ...(cmd.replyTo ? { quotedMessageId: cmd.replyTo } : {}),
        ...(cmd.mentions?.length ? { mentions: cmd.mentions } : {}),
      });
      // whatsapp-web.js resolves undefined (no error) when the chat cannot be found or created.
      return sent
        ? { ok: true, waMessageId: sent.id._serialized }
        : fail('not_found', `no chat ${cmd.chatId}`);
    }
    case 'send_media': {
      const media = await fetchMedia(cmd.url, cmd.filename);
      const sent = await client.sendMessage(cmd.chatId, media, {
        ...(cmd.caption ? { caption: cmd.caption } : {}),
        ...(cmd.replyTo ? { quotedMessageId: cmd.replyTo } : {}),
      });
      return sent
        ? { ok: true, waMessageId: sent.id._serialized }
        : fail('not_found', `no chat ${cmd.chatId}`);
    }
    case 'mark_read':
      return (await client.sendSeen(cmd.chatId)) ? { ok: true } : fail('not_found', `no chat ${cmd.chatId}`);
    case 'typing': {
      const chat = await client.getChatById(cmd.chatId);
      if (cmd.on) await chat.sendStateTyping();
      else await chat.clearState();
      return { ok: true };
    }
  }
}
