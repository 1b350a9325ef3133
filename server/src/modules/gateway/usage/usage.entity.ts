import { USAGE_OUTCOMES } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../../db/tenant-filter.ts';
import { Tenant } from '../../tenant/tenant.entity.ts';

/**
 * One row per gateway call, refused calls included. Token columns are as Anthropic bills them:
 * cache writes (5 m and 1 h) and reads are never part of inputTokens. The provider is kept by id
 * and name without a foreign key, so deleting a provider leaves its history readable.
 */
export const LlmUsageSchema = defineEntity({
  name: 'LlmUsage',
  filters: tenantFilter,
  indexes: [{ properties: ['tenant', 'createdAt'] }, { properties: ['providerId', 'createdAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    agentId: p.string().length(80).nullable(),
    channel: p.string().length(20),
    conversationId: p.string().length(100).nullable(),
    model: p.string().length(80),
    requestedModel: p.string().length(80),
    providerId: p.uuid().nullable(),
    providerName: p.string().length(60).nullable(),
    inputTokens: p.integer(),
    outputTokens: p.integer(),
    cacheWrite5mTokens: p.integer(),
    cacheWrite1hTokens: p.integer(),
    cacheReadTokens: p.integer(),
    /** Integer nano-USD (USD × 10⁹). */
    costNano: p.bigint('number'),
    priceVersion: p.string().length(20),
    latencyMs: p.integer(),
    attempts: p.smallint(),
    outcome: p.enum(USAGE_OUTCOMES),
    errorType: p.string().length(60).nullable(),
    requestId: p.string().length(80),
    upstreamRequestId: p.string().length(80).nullable(),
    createdAt: createdAtProperty(),
  },
});
export class LlmUsage extends LlmUsageSchema.class {}
LlmUsageSchema.setClass(LlmUsage);
