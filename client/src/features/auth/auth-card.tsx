// The frame of the public pages: the Colmeia brand above a centred card with the page's heading.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../ui/brand.tsx';
import { LanguageSelect } from '../layout/language-select.tsx';
import './auth.i18n.ts';

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('auth');
  return (
    <main className="auth-page">
      <header className="auth-brand">
        <BrandMark size={44} />
        <span className="auth-name">Colmeia</span>
        <span className="muted">{t('tagline')}</span>
      </header>
      <div className="card auth-card">
        <h1>{title}</h1>
        {children}
      </div>
      <footer className="auth-footer">
        <LanguageSelect />
      </footer>
    </main>
  );
}
