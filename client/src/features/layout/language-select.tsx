// Switches the interface language (stored in this browser); each language is named in itself.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../../lib/i18n.ts';
import { SelectField } from '../../ui/ui.tsx';
import './layout.i18n.ts';

export function LanguageSelect({ hideLabel = false }: { hideLabel?: boolean }) {
  const { t, i18n } = useTranslation('layout');
  return (
    <SelectField
      label={t('common:language')}
      hideLabel={hideLabel}
      value={i18n.language === 'en' ? 'en' : 'pt-BR'}
      onChange={(e) => setLanguage(e.target.value as Language)}
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng} lang={lng}>
          {t(`languageNames.${lng}`)}
        </option>
      ))}
    </SelectField>
  );
}
