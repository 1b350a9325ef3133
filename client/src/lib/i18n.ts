// i18next with pt-BR first and English second. Each feature registers its own strings
// (features/<x>/<x>.i18n.ts) so screens stay self-contained; `common` holds the shared ones.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common.i18n.ts';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Bundle = { 'pt-BR': Record<string, unknown>; en: Record<string, unknown> };

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('colmeia.lang') : null;

void i18n.use(initReactI18next).init({
  lng: stored === 'en' ? 'en' : 'pt-BR',
  fallbackLng: 'pt-BR',
  resources: { 'pt-BR': { common: common['pt-BR'] }, en: { common: common.en } },
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

/** Called once by each feature module at import time. */
export function registerStrings(namespace: string, bundle: Bundle): void {
  for (const lng of LANGUAGES) i18n.addResourceBundle(lng, namespace, bundle[lng], true, true);
}

export function setLanguage(lng: Language): void {
  localStorage.setItem('colmeia.lang', lng);
  document.documentElement.lang = lng;
  void i18n.changeLanguage(lng);
}

export { i18n };
