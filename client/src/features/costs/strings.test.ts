import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import '../../ui/secret-once.i18n.ts';
import '../api-keys/api-keys.i18n.ts';
import '../staff/providers.i18n.ts';
import './costs.i18n.ts';

/** Every key path of a nested strings object ('outcomes.ok'). */
function keys(bundle: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('costs, API keys and providers strings', () => {
  for (const ns of ['costs', 'apiKeys', 'providers', 'secretOnce', 'reasons']) {
    it(`has the same ${ns} keys in Portuguese and English`, () => {
      const pt = keys(i18n.getResourceBundle('pt-BR', ns)).sort();
      const en = keys(i18n.getResourceBundle('en', ns)).sort();
      expect(pt.length).toBeGreaterThan(0);
      expect(en).toEqual(pt);
    });
  }
});
