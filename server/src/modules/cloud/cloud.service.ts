// A Cloud API bot's number settings: read (secrets as hints), save, rotate the verify token. The
// router refuses rotating while impersonating; saving refuses new secrets while impersonating.
import { randomBytes } from 'node:crypto';
import { type CloudSettingsDto, DEFAULT_GRAPH_BASE_URL, type SaveCloudSettingsInput } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { obviouslyPrivate } from '../gateway/budgets/webhook-address.ts';
import { type SecretBox, secretHint } from '../gateway/providers/secret-box.ts';
import type { CloudRepository } from './cloud.repository.ts';
import type { CloudSettings } from './cloud-settings.entity.ts';

export interface CloudServiceDeps {
  repo: CloudRepository;
  audit: Pick<AuditService, 'record'>;
  box: SecretBox;
  /** Where Meta reaches this server: the callback URL shown to the tenant starts here. */
  publicUrl: string;
  /** Production: the Graph base URL must be https and public (the token is sent there). */
  strictUrls: boolean;
}

export const newVerifyToken = () => randomBytes(24).toString('base64url');
export const webhookPath = (botId: string) => `/webhooks/whatsapp/${botId}`;

export class CloudService {
  private readonly d: CloudServiceDeps;
  constructor(d: CloudServiceDeps) {
    this.d = d;
  }

  /** A new Cloud API bot's settings (in the caller's unit of work): a verify token, nothing else. */
  initial(tenantId: string, botId: string): void {
    this.d.repo.add({
      tenant: tenantId,
      bot: botId,
      graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
      verifyToken: newVerifyToken(),
    });
  }

  async get(tenantId: string, botId: string): Promise<CloudSettingsDto> {
    return this.dto(await this.find(tenantId, botId));
  }

  async save(actor: Actor, tenantId: string, input: SaveCloudSettingsInput): Promise<CloudSettingsDto> {
    const row = await this.find(tenantId, input.botId);
    if (actor.impersonator && (input.accessToken || input.appSecret)) {
      throw new AppError('FORBIDDEN', 'Secrets cannot be set while impersonating.', {
        reason: 'impersonation.blocked',
      });
    }
    if (input.graphBaseUrl !== undefined) checkGraphUrl(input.graphBaseUrl, this.d.strictUrls);
    const changed: string[] = [];
    const set = <K extends 'phoneNumberId' | 'wabaId' | 'graphBaseUrl'>(key: K, value: CloudSettings[K]) => {
      if (row[key] === value) return;
      row[key] = value;
      changed.push(key);
    };
    set('phoneNumberId', input.phoneNumberId);
    if (input.wabaId !== undefined) set('wabaId', input.wabaId);
    if (input.graphBaseUrl !== undefined) set('graphBaseUrl', input.graphBaseUrl.replace(/\/+$/, ''));
    if (input.accessToken) {
      row.accessTokenSealed = this.d.box.seal(input.accessToken);
      row.accessTokenHint = secretHint(input.accessToken);
      // A new token is presumed good until Meta says otherwise.
      row.tokenInvalidAt = null;
      row.tokenError = null;
      changed.push('accessToken');
    }
    if (input.appSecret) {
      row.appSecretSealed = this.d.box.seal(input.appSecret);
      row.appSecretHint = secretHint(input.appSecret);
      changed.push('appSecret');
    }
    if (changed.length === 0) return this.dto(row);
    await this.d.repo.flush();
    await this.d.audit.record(actor, {
      action: 'cloud.settings_saved',
      tenantId,
      target: input.botId,
      details: { changed, phoneNumberId: row.phoneNumberId },
    });
    return this.dto(row);
  }

  /** Meta must then be told the new token (its handshake fails until it is). */
  async rotateVerifyToken(actor: Actor, tenantId: string, botId: string): Promise<CloudSettingsDto> {
    const row = await this.find(tenantId, botId);
    row.verifyToken = newVerifyToken();
    row.verifiedAt = null;
    await this.d.repo.flush();
    await this.d.audit.record(actor, { action: 'cloud.verify_token_rotated', tenantId, target: botId });
    return this.dto(row);
  }

  private async find(tenantId: string, botId: string): Promise<CloudSettings> {
    const row = await this.d.repo.find(tenantId, botId);
    if (!row) {
      throw new AppError('NOT_FOUND', 'This bot does not use the WhatsApp Cloud API.', {
        reason: 'cloud.not_cloud_bot',
      });
    }
    return row;
  }

  private dto(row: CloudSettings): CloudSettingsDto {
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    const tokenStatus = !row.accessTokenSealed ? 'missing' : row.tokenInvalidAt ? 'invalid' : 'set';
    return {
      botId: row.bot,
      phoneNumberId: row.phoneNumberId ?? null,
      wabaId: row.wabaId ?? null,
      graphBaseUrl: row.graphBaseUrl,
      webhookUrl: new URL(webhookPath(row.bot), this.d.publicUrl).toString(),
      verifyToken: row.verifyToken,
      accessTokenHint: row.accessTokenHint ?? null,
      appSecretHint: row.appSecretHint ?? null,
      tokenStatus,
      tokenError: row.tokenError ?? null,
      tokenInvalidAt: iso(row.tokenInvalidAt),
      verifiedAt: iso(row.verifiedAt),
      lastWebhookAt: iso(row.lastWebhookAt),
      ready: Boolean(row.phoneNumberId && row.appSecretSealed && tokenStatus === 'set'),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/** The token travels to this address: production allows only public https hosts. */
function checkGraphUrl(value: string, strict: boolean): void {
  const url = URL.parse(value);
  const refuse = (message: string) =>
    new AppError('BAD_REQUEST', `The Graph API address: ${message}.`, {
      fields: { graphBaseUrl: [message] },
    });
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw refuse('Invalid URL');
  if (url.search || url.hash || url.username || url.password) throw refuse('Give the address only');
  if (!strict) return;
  if (url.protocol !== 'https:') throw refuse('Use an https:// address');
  if (obviouslyPrivate(url)) throw refuse('Use a public address, not a private or local one');
}
