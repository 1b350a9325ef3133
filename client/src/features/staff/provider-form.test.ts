import type { ProviderDto } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { providerFormSchema, providerToForm, toCreateInput, toUpdateInput } from './provider-form.ts';

const provider: ProviderDto = {
  id: '7d3c1a2b-4e5f-4a6b-8c9d-0e1f2a3b4c5d',
  name: 'Conta principal',
  kind: 'api_key',
  baseUrl: null,
  priority: 10,
  rpm: 50,
  tpm: null,
  enabled: true,
  secretHint: '…a1b2',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  health: {
    state: 'closed',
    openUntil: null,
    lastFailure: null,
    spendLimitedUntil: null,
    recentErrors: [],
    last24h: { calls: 0, errors: 0, costUsd: 0, p50LatencyMs: null },
  },
};

describe('provider form', () => {
  it('creates with every field, empty limits and address as null', () => {
    const values = {
      ...providerToForm(null, 'en'),
      name: 'Reserva',
      secret: ' sk-ant-api03-secret ',
      priority: '20',
    };
    expect(toCreateInput(providerFormSchema('create').parse(values))).toEqual({
      name: 'Reserva',
      kind: 'api_key',
      secret: 'sk-ant-api03-secret',
      baseUrl: null,
      priority: 20,
      rpm: null,
      tpm: null,
      enabled: true,
    });
  });

  it('requires a secret to create, but an empty one keeps the stored secret on edit', () => {
    const blankSecret = { ...providerToForm(provider, 'en') };
    const refused = providerFormSchema('create').safeParse(blankSecret);
    expect(z.flattenError(refused.error!).fieldErrors.secret).toEqual(['Too short']);
    const edited = providerFormSchema('edit').parse({ ...blankSecret, priority: '5', rpm: '' });
    expect(toUpdateInput(provider, edited)).toEqual({ id: provider.id, priority: 5, rpm: null });
  });

  it('sends a newly typed secret and never echoes the stored one', () => {
    const form = providerToForm(provider, 'en');
    expect(form.secret).toBe('');
    const edited = providerFormSchema('edit').parse({ ...form, secret: 'sk-ant-new-secret-1' });
    expect(toUpdateInput(provider, edited)).toEqual({ id: provider.id, secret: 'sk-ant-new-secret-1' });
  });

  it('refuses a bad address, a missing priority and a short new secret', () => {
    const result = providerFormSchema('edit').safeParse({
      ...providerToForm(provider, 'en'),
      baseUrl: 'api dot anthropic',
      priority: '',
      secret: 'short',
    });
    expect(Object.keys(z.flattenError(result.error!).fieldErrors).sort()).toEqual([
      'baseUrl',
      'priority',
      'secret',
    ]);
  });
});
