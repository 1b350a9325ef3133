// Numbers, money and dates always go through Intl with the active language.
import { i18n } from './i18n.ts';

const lang = () => i18n.language || 'pt-BR';

export const formatBRL = (value: number) =>
  new Intl.NumberFormat(lang(), { style: 'currency', currency: 'BRL' }).format(value);
export const formatNumber = (value: number) => new Intl.NumberFormat(lang()).format(value);
export const formatDateTime = (iso: string | Date) =>
  new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
export const formatDate = (iso: string | Date) =>
  new Intl.DateTimeFormat(lang(), { dateStyle: 'medium' }).format(new Date(iso));
