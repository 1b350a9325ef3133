import type { AppRouter } from '@colmeia/server/router';
import { type CloudSettingsDto, DEFAULT_GRAPH_BASE_URL } from '@colmeia/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { TRPCProvider } from '../../lib/trpc.ts';
import { CloudSettingsForm } from './cloud-settings.form.tsx';

const botId = '00000000-0000-4000-8000-000000000001';
const stored: CloudSettingsDto = {
  botId,
  phoneNumberId: '106540352242922',
  wabaId: null,
  graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
  webhookUrl: `https://colmeia.example/webhooks/whatsapp/${botId}`,
  verifyToken: 'verify-token',
  accessTokenHint: '…abcd',
  appSecretHint: null,
  tokenStatus: 'set',
  tokenError: null,
  tokenInvalidAt: null,
  verifiedAt: null,
  lastWebhookAt: null,
  ready: false,
  updatedAt: '2030-01-01T12:00:00.000Z',
};

/** Every API call the form makes; each answers with the stored settings. */
let calls: { path: string; input: unknown }[] = [];

function renderForm(impersonating = false) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: 'http://colmeia.test/trpc',
        fetch: async (url, init) => {
          const paths = new URL(String(url)).pathname.replace('/trpc/', '').split(',');
          const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
          for (const [i, path] of paths.entries()) calls.push({ path, input: body[i] });
          return new Response(JSON.stringify(paths.map(() => ({ result: { data: stored } }))), {
            headers: { 'content-type': 'application/json' },
          });
        },
      }),
    ],
  });
  render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <CloudSettingsForm settings={stored} impersonating={impersonating} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Salvar configuração' }));

describe('CloudSettingsForm', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(() => {
    cleanup();
    calls = [];
  });

  it('never shows a stored secret, only its hint, and keeps it when the field stays blank', async () => {
    renderForm();
    expect(field('Token de acesso').value).toBe('');
    expect(field('Token de acesso').type).toBe('password');
    expect(screen.getByText(/Salvo \(termina em …abcd\)/)).toBeTruthy();
    expect(screen.getByText(/Em Configurações do app › Básico/)).toBeTruthy();

    fireEvent.change(field('Chave secreta do app'), { target: { value: 'app-secret-9876' } });
    save();
    await waitFor(() =>
      expect(calls).toEqual([
        {
          path: 'cloud.save',
          input: {
            botId,
            phoneNumberId: '106540352242922',
            wabaId: null,
            graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
            appSecret: 'app-secret-9876',
          },
        },
      ]),
    );
    // Saved: the secret typed is gone from the field (the page then shows its new hint).
    await waitFor(() => expect(field('Chave secreta do app').value).toBe(''));
    expect(screen.getByText('Configuração da Cloud API salva.')).toBeTruthy();
  });

  it('says what is wrong in Portuguese and sends nothing', async () => {
    renderForm();
    fireEvent.change(field('ID do número de telefone'), { target: { value: '+55 11' } });
    fireEvent.change(field('Token de acesso'), { target: { value: 'curto' } });
    save();
    expect(await screen.findByText('Só números, como a Meta mostra')).toBeTruthy();
    expect(screen.getByText('Isto não parece um token de acesso')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('disables the secrets while impersonating and says why', () => {
    renderForm(true);
    expect(field('Token de acesso').disabled).toBe(true);
    expect(field('Chave secreta do app').disabled).toBe(true);
    expect(field('ID do número de telefone').disabled).toBe(false);
    expect(screen.getAllByText(/Durante a personificação/)).toHaveLength(2);
  });
});
