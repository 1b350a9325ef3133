import type { AppRouter } from '@colmeia/server/router';
import type { LinkStatus } from '@colmeia/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { TRPCProvider } from '../../lib/trpc.ts';
import { botAbilities } from './bot-abilities.ts';
import { LinkCard } from './link.card.tsx';

const botId = '00000000-0000-4000-8000-000000000001';
const base: LinkStatus = {
  botId,
  state: 'new',
  waState: null,
  number: null,
  profileName: null,
  qr: null,
  pairing: null,
  lastReason: null,
  lastError: null,
  restarts: 0,
  hostId: null,
  readyAt: null,
  updatedAt: '2030-01-01T12:00:00.000Z',
};
const qr = {
  dataUrl: 'data:image/png;base64,AAA',
  attempt: 1,
  at: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 20_000).toISOString(),
};

/** Every API call the card makes, as procedure path and input; each answers with `base`. */
let calls: { path: string; input: unknown }[] = [];

function renderCard(
  status: Partial<LinkStatus>,
  opts: { role?: 'owner' | 'member'; impersonating?: boolean; demo?: boolean } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: 'http://colmeia.test/trpc',
        fetch: async (url, init) => {
          const paths = new URL(String(url)).pathname.replace('/trpc/', '').split(',');
          const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
          for (const [i, path] of paths.entries()) calls.push({ path, input: body[i] });
          return new Response(JSON.stringify(paths.map(() => ({ result: { data: base } }))), {
            headers: { 'content-type': 'application/json' },
          });
        },
      }),
    ],
  });
  render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <LinkCard
          status={{ ...base, ...status }}
          botName="Atendimento"
          abilities={botAbilities(opts.role ?? 'owner', opts.impersonating ?? false)}
          demo={opts.demo ?? false}
        />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('LinkCard', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(() => {
    cleanup();
    calls = [];
  });

  it('starts linking by QR code for an owner', async () => {
    renderCard({ state: 'new' });
    expect(screen.queryByRole('button', { name: 'Reiniciar' })).toBeNull();
    fireEvent.click(button('Conectar com QR code'));
    await waitFor(() => expect(calls).toEqual([{ path: 'whatsapp.start', input: { botId } }]));
  });

  it('shows a member the controls disabled, with the reason', () => {
    renderCard({ state: 'ready', number: '5511987654321' }, { role: 'member' });
    for (const name of ['Reiniciar', 'Desconectar']) {
      expect(button(name).disabled).toBe(true);
      expect(button(name).getAttribute('title')).toBe('Você não tem permissão para fazer isso.');
    }
  });

  it('blocks unlinking while impersonating but still allows a restart', () => {
    renderCard({ state: 'ready', number: '5511987654321' }, { impersonating: true });
    expect(button('Desconectar').disabled).toBe(true);
    expect(button('Desconectar').getAttribute('title')).toBe('Indisponível durante a personificação');
    expect(button('Reiniciar').disabled).toBe(false);
  });

  it('asks for the unlink to be confirmed before sending it', async () => {
    renderCard({ state: 'ready', number: '5511987654321' });
    fireEvent.click(button('Desconectar'));
    expect(calls).toEqual([]);
    const dialog = screen.getByRole('dialog', { name: 'Desconectar o WhatsApp' });
    expect(dialog.textContent).toContain('Desconectar o número de Atendimento?');
    fireEvent.click(screen.getAllByRole('button', { name: 'Desconectar' }).at(-1)!);
    await waitFor(() => expect(calls).toEqual([{ path: 'whatsapp.unlink', input: { botId } }]));
  });

  it('asks for a pairing code with the digits of the number typed, then waits for the code', async () => {
    renderCard({ state: 'new' });
    fireEvent.click(button('Conectar com número de telefone'));
    const phone = screen.getByLabelText('Número do WhatsApp (com código do país)');
    fireEvent.change(phone, { target: { value: '12 34' } });
    fireEvent.click(button('Receber código'));
    expect(await screen.findByText('Informe o número com o código do país (só números)')).toBeTruthy();
    expect(calls).toEqual([]);

    fireEvent.change(phone, { target: { value: '+55 (11) 98765-4321' } });
    fireEvent.click(button('Receber código'));
    await waitFor(() =>
      expect(calls).toEqual([
        { path: 'whatsapp.requestPairingCode', input: { botId, phoneNumber: '5511987654321' } },
      ]),
    );
  });

  it('shows the pairing code large, in two groups, instead of the QR', () => {
    renderCard({ state: 'qr', qr, pairing: { code: 'ABCD1234', phoneNumber: '5511987654321' } });
    expect(screen.getByRole('status', { name: 'Código de pareamento' }).textContent).toBe('ABCD-1234');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('offers the demo phone what the page shows, only on demo servers', async () => {
    renderCard({ state: 'qr', qr }, { demo: true });
    fireEvent.click(button('Ler com o celular de demonstração'));
    await waitFor(() =>
      expect(calls).toEqual([{ path: 'whatsapp.demoPhone', input: { botId, action: 'scan' } }]),
    );
    cleanup();
    renderCard(
      { state: 'qr', qr, pairing: { code: 'ABCD1234', phoneNumber: '5511987654321' } },
      { demo: true },
    );
    expect(button('Digitar o código no celular de demonstração')).toBeTruthy();
    cleanup();
    renderCard({ state: 'qr', qr }, { demo: false });
    expect(screen.queryByRole('region', { name: 'Celular de demonstração' })).toBeNull();
  });
});
