// A bot's configuration over time: read the one in force, save a new version (validated and
// checked; a stale editor is refused, not allowed to overwrite), list versions with their diffs,
// restore any version in one step, and roll back automatically when a version keeps failing.
import {
  type BotConfig,
  type BotConfigState,
  type ConfigVersionRow,
  checkBotConfig,
  defaultBotConfig,
} from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { Entitlement } from '../billing/entitlements.ts';
import type { BotConfigRepository } from './bot-config.repository.ts';
import type { BotConfigVersion } from './bot-config-version.entity.ts';
import { diffConfig } from './config-diff.ts';
import { ImportError, type ImportResult, importOpenClaw } from './openclaw-import.ts';

export type BotConfigDeps = {
  repo: BotConfigRepository;
  audit: Pick<AuditService, 'record'>;
  /** What the workspace's plan allows (models, groups). */
  plan: (tenantId: string) => Promise<Pick<Entitlement, 'plan' | 'allowedModels'>>;
  /** Called after a new version is in force (the pipeline drops its cached copy). */
  changed: (botId: string) => void;
};

type SaveMeta = { kind: BotConfigVersion['kind']; restoredFrom?: number | null; note?: string | null };

export class BotConfigService {
  private readonly d: BotConfigDeps;
  constructor(d: BotConfigDeps) {
    this.d = d;
  }

  async get(tenantId: string, botId: string): Promise<BotConfigState> {
    return this.state(tenantId, await this.current(tenantId, botId));
  }

  /** The first version of a new bot (no audit: bot.created says it). */
  initial(tenantId: string, botId: string, name: string): void {
    this.d.repo.add({
      tenant: tenantId,
      bot: botId,
      version: 1,
      config: defaultBotConfig(name),
      kind: 'save',
      authorId: null,
      authorEmail: null,
    });
  }

  async save(
    actor: Actor | null,
    tenantId: string,
    botId: string,
    config: BotConfig,
    baseVersion: number,
    meta: SaveMeta = { kind: 'save' },
  ): Promise<BotConfigState> {
    const current = await this.current(tenantId, botId);
    if (baseVersion !== current.version) {
      throw new AppError(
        'CONFLICT',
        `Someone saved version ${current.version} meanwhile; reload to see it before saving.`,
        {
          reason: 'botConfig.stale',
        },
      );
    }
    const { plan, allowedModels } = await this.d.plan(tenantId);
    const issues = checkBotConfig(config, {
      allowedModels,
      maxGroups: plan.limits.groups,
      planName: plan.name,
    });
    if (issues.length) {
      const fields: Record<string, string[]> = {};
      for (const i of issues) {
        const key = `config.${i.path.join('.')}`;
        fields[key] = [...(fields[key] ?? []), i.message];
      }
      const planIssue = issues.find((i) => i.reason);
      throw new AppError('BAD_REQUEST', (planIssue ?? issues[0]!).message, {
        reason: planIssue?.reason ?? 'botConfig.invalid',
        fields,
      });
    }
    const changes = diffConfig(current.config, config);
    if (!changes.length && meta.kind === 'save') return this.state(tenantId, current);
    const row = this.d.repo.add({
      tenant: tenantId,
      bot: botId,
      version: current.version + 1,
      config,
      kind: meta.kind,
      restoredFrom: meta.restoredFrom ?? null,
      note: meta.note ?? null,
      authorId: actor?.impersonator?.userId ?? actor?.userId ?? null,
      authorEmail: actor?.impersonator?.email ?? actor?.email ?? null,
    });
    await this.d.repo.flush();
    this.d.changed(botId);
    await this.d.audit.record(actor, {
      action: `bot.config_${meta.kind === 'save' ? 'saved' : meta.kind === 'restore' ? 'restored' : meta.kind === 'rollback' ? 'rolled_back' : 'imported'}`,
      tenantId,
      target: botId,
      details: {
        version: row.version,
        restoredFrom: meta.restoredFrom ?? null,
        changed: changes.slice(0, 20).map((c) => c.path),
        note: meta.note ?? null,
      },
    });
    return this.state(tenantId, row);
  }

  async restore(actor: Actor, tenantId: string, botId: string, version: number): Promise<BotConfigState> {
    const target = await this.d.repo.find(tenantId, botId, version);
    if (!target)
      throw new AppError('NOT_FOUND', `Version ${version} does not exist.`, {
        reason: 'botConfig.no_version',
      });
    const current = await this.current(tenantId, botId);
    return this.save(actor, tenantId, botId, target.config, current.version, {
      kind: 'restore',
      restoredFrom: version,
    });
  }

  /**
   * Automatic rollback: the version in force failed repeatedly, so the one before it comes back
   * (as a new version, with the reason as its note). Returns null when there is nothing to go back to.
   */
  async rollback(
    tenantId: string,
    botId: string,
    failingVersion: number,
    why: string,
  ): Promise<BotConfigState | null> {
    const current = await this.current(tenantId, botId);
    if (current.version !== failingVersion || failingVersion < 2) return null;
    const previous = await this.d.repo.find(tenantId, botId, failingVersion - 1);
    if (!previous) return null;
    return this.save(null, tenantId, botId, previous.config, current.version, {
      kind: 'rollback',
      restoredFrom: previous.version,
      note: `Version ${failingVersion} was rolled back automatically: ${why}`.slice(0, 300),
    });
  }

  async importOpenClaw(actor: Actor, tenantId: string, botId: string, source: string) {
    const current = await this.current(tenantId, botId);
    const allowed = (await this.d.plan(tenantId)).allowedModels;
    let result: ImportResult;
    try {
      result = importOpenClaw(source, allowed?.[0] ?? 'claude-haiku-4-5');
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      throw new AppError('BAD_REQUEST', err.message, {
        reason: 'botConfig.import_invalid',
        fields: { source: [err.message] },
      });
    }
    const state = await this.save(actor, tenantId, botId, result.config, current.version, {
      kind: 'import',
      note: `Imported from openclaw.json (${result.mapped.length} mapped, ${result.skipped.length} skipped)`,
    });
    return { state, mapped: result.mapped, skipped: result.skipped };
  }

  async versions(tenantId: string, botId: string, limit = 50): Promise<ConfigVersionRow[]> {
    const rows = await this.d.repo.list(tenantId, botId, limit + 1);
    return rows.slice(0, limit).map((row, i) => ({
      version: row.version,
      kind: row.kind,
      restoredFrom: row.restoredFrom ?? null,
      note: row.note ?? null,
      authorEmail: row.authorEmail ?? null,
      createdAt: row.createdAt.toISOString(),
      changes: rows[i + 1] ? diffConfig(rows[i + 1]!.config, row.config) : [],
    }));
  }

  private async current(tenantId: string, botId: string): Promise<BotConfigVersion> {
    const row = await this.d.repo.latest(tenantId, botId);
    if (!row) throw new AppError('NOT_FOUND', 'No such bot in this workspace.', { reason: 'bot.not_found' });
    return row;
  }

  private async state(tenantId: string, row: BotConfigVersion): Promise<BotConfigState> {
    const allowed = (await this.d.plan(tenantId)).allowedModels;
    return {
      botId: row.bot,
      version: row.version,
      config: row.config,
      savedAt: row.createdAt.toISOString(),
      savedByEmail: row.authorEmail ?? null,
      allowedModels: allowed ? [...allowed] : null,
    };
  }
}
