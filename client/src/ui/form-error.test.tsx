import { cleanup, render, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import '../features/billing/billing.i18n.ts';
import { i18n } from '../lib/i18n.ts';
import { setCurrentTenantId } from '../lib/trpc.ts';
import { FormError } from './ui.tsx';

const refusal = (reason: string) => {
  const error = new TRPCClientError<never>('refused');
  Object.assign(error, { data: { reason, httpStatus: 412 } });
  return error;
};

afterEach(() => {
  cleanup();
  setCurrentTenantId(null);
});

describe('FormError', () => {
  it('points a plan refusal at the workspace’s Billing page', async () => {
    await i18n.changeLanguage('pt-BR');
    setCurrentTenantId('t1');
    render(
      <MemoryRouter>
        <FormError error={refusal('plan.bots_limit')} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Faça upgrade em Cobrança');
    expect(screen.getByRole('link', { name: 'Ver planos' }).getAttribute('href')).toBe('/w/t1/billing');
  });

  it('adds no link to other errors', () => {
    setCurrentTenantId('t1');
    render(
      <MemoryRouter>
        <FormError error={refusal('workspace.role_forbidden')} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
