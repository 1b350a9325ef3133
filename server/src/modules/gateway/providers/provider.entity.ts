import { PROVIDER_KINDS } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from '../../../db/tenant-filter.ts';

/**
 * An upstream Anthropic account in the platform-wide pool (staff-managed, not tenant-owned).
 * The API key or OAuth token is stored sealed (SecretBox); only its last four characters are kept
 * in the clear, for staff to recognise it.
 */
export const LlmProviderSchema = defineEntity({
  name: 'LlmProvider',
  properties: {
    id: idProperty(),
    name: p.string().length(60).unique(),
    kind: p.enum(PROVIDER_KINDS),
    baseUrl: p.string().length(300).nullable(),
    secretSealed: p.text(),
    secretHint: p.string().length(8),
    /** Lower goes first. */
    priority: p.integer(),
    rpm: p.integer().nullable(),
    tpm: p.integer().nullable(),
    enabled: p.boolean().default(true),
    createdAt: createdAtProperty(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class LlmProvider extends LlmProviderSchema.class {}
LlmProviderSchema.setClass(LlmProvider);
