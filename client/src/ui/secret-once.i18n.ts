import { registerStrings } from '../lib/i18n.ts';

registerStrings('secretOnce', {
  'pt-BR': {
    copy: 'Copiar',
    copied: 'Copiado para a área de transferência.',
    copyFailed: 'Não foi possível copiar: selecione o texto e copie manualmente.',
  },
  en: {
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the text and copy it by hand.',
  },
});
