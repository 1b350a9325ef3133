// The shared cloud schema and the server speak English under the Cloud API fields; the form shows
// them in the visitor's language, falling back to the app's general validation translations.
import { i18n } from '../../lib/i18n.ts';
import { translateValidation } from '../../ui/messages.ts';
import './cloud.i18n.ts';

const EXACT: Record<string, string> = {
  'Digits only, as Meta shows it': 'graphId',
  'This does not look like an access token': 'accessToken',
  'This does not look like an app secret': 'appSecret',
  'Give the address only': 'addressOnly',
};

export function cloudMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const key = EXACT[message];
  return key ? i18n.t(`cloudValidation:${key}`) : translateValidation(message);
}
