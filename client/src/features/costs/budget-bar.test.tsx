import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { BudgetBar } from './budget-bar.tsx';

const plain = (s: string | null) => s?.replace(/\s/g, ' ');

describe('BudgetBar', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(cleanup);

  it('says the spend against the budget in words and marks each alert threshold', () => {
    render(<BudgetBar spentUsd={42.5} limitUsd={50} thresholdsPercent={[20, 10, 5, 1]} />);
    const bar = screen.getByRole('progressbar', { name: 'Orçamento mensal usado' });
    expect(bar.getAttribute('aria-valuenow')).toBe('85');
    expect(plain(bar.getAttribute('aria-valuetext'))).toBe('US$ 42,50 de US$ 50,00 (85%)');
    const marks = [...bar.querySelectorAll('.budget-mark')].map((m) => [
      (m as HTMLElement).style.left,
      m.getAttribute('title'),
    ]);
    expect(marks).toEqual([
      ['80%', 'Alerta: restam 20%'],
      ['90%', 'Alerta: restam 10%'],
      ['95%', 'Alerta: restam 5%'],
      ['99%', 'Alerta: restam 1%'],
    ]);
    expect(bar.querySelector('.budget-fill')?.className).toContain('level-warning');
    expect(screen.getByText('Alertas quando restarem 20%, 10%, 5% e 1% do orçamento.')).toBeTruthy();
  });

  it('keeps the bar full when the budget is overspent', async () => {
    await i18n.changeLanguage('en');
    render(<BudgetBar spentUsd={60} limitUsd={50} thresholdsPercent={[20, 10, 5, 1]} />);
    const bar = screen.getByRole('progressbar', { name: 'Monthly budget used' });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('$60.00 of $50.00 (120%)');
    await i18n.changeLanguage('pt-BR');
  });
});
