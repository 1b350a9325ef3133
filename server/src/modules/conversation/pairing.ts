// DM pairing: an unknown sender gets a short code (valid one hour, as in OpenClaw); an owner
// approves it in the SPA. A sender who writes again while a code is pending gets the same code.
import { randomInt } from 'node:crypto';
import type { PairingRepository } from './pairing.repository.ts';
import type { PairingRequest } from './pairing-request.entity.ts';
import type { PipelineInput } from './pipeline.types.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read over the phone
const TTL_MS = 3600_000;

export function pairingText(code: string): string {
  return `Olá! Este número só conversa com contatos aprovados. Peça ao responsável para aprovar o código ${code} no painel da Colmeia.`;
}

export class PairingService {
  private readonly repo: PairingRepository;
  private readonly now: () => Date;
  constructor(repo: PairingRepository, now: () => Date) {
    this.repo = repo;
    this.now = now;
  }

  async ensure(input: PipelineInput): Promise<PairingRequest> {
    const phone = input.senderPhone ?? input.authorId;
    const pending = await this.repo.pendingPairing(input.tenantId, input.botId, phone, this.now());
    if (pending) return pending;
    const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return this.repo.addPairing({
      tenant: input.tenantId,
      bot: input.botId,
      phone,
      name: input.authorName,
      code,
      expiresAt: new Date(this.now().getTime() + TTL_MS),
    });
  }
}
