import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { QrPanel } from './qr.panel.tsx';

const qrAt = (at: string, dataUrl: string, attempt = 1) => ({
  dataUrl,
  attempt,
  at,
  expiresAt: new Date(Date.parse(at) + 20_000).toISOString(),
});

describe('QrPanel', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the code with a countdown to its rotation, then says a new one is coming', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    render(<QrPanel qr={qrAt('2030-01-01T12:00:00.000Z', 'data:image/png;base64,AAA')} />);
    expect(screen.getByRole('img', { name: 'QR code para conectar o WhatsApp' }).getAttribute('src')).toBe(
      'data:image/png;base64,AAA',
    );
    const timer = screen.getByRole('timer', { name: 'Tempo até o código mudar' });
    expect(timer.textContent).toBe('Novo código em 20 s');
    act(() => vi.advanceTimersByTime(5_000));
    expect(timer.textContent).toBe('Novo código em 15 s');
    act(() => vi.advanceTimersByTime(16_000));
    expect(timer.textContent).toBe('Gerando um novo código…');
  });

  it('replaces the image and restarts the countdown when a new code arrives', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    const { rerender } = render(
      <QrPanel qr={qrAt('2030-01-01T12:00:00.000Z', 'data:image/png;base64,AAA')} />,
    );
    act(() => vi.advanceTimersByTime(19_000));
    expect(screen.getByRole('timer').textContent).toBe('Novo código em 1 s');

    rerender(<QrPanel qr={qrAt('2030-01-01T12:00:19.000Z', 'data:image/png;base64,BBB', 2)} />);
    expect(screen.getByRole('img').getAttribute('src')).toBe('data:image/png;base64,BBB');
    expect(screen.getByRole('timer').textContent).toBe('Novo código em 20 s');
  });

  it('waits for the first code without an empty image', () => {
    render(<QrPanel qr={null} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Esperando o código…');
  });
});
