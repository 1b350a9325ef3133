import { DISCONNECT_REASONS, LINK_STATES, ZHostHealthState } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import '../hosts/hosts.i18n.ts';
import './bots.i18n.ts';
import './bot-layout.i18n.ts';
import './cloud.i18n.ts';
import { linkPhase } from './link-state.ts';
import './whatsapp.i18n.ts';

/** Every key path of a nested strings object ('badge.connected'). */
function keys(bundle: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('bots, WhatsApp and hosts strings', () => {
  for (const ns of ['bots', 'botLayout', 'cloud', 'cloudValidation', 'whatsapp', 'hosts', 'reasons']) {
    it(`has the same ${ns} keys in Portuguese and English`, () => {
      const pt = keys(i18n.getResourceBundle('pt-BR', ns)).sort();
      const en = keys(i18n.getResourceBundle('en', ns)).sort();
      expect(pt.length).toBeGreaterThan(0);
      expect(en).toEqual(pt);
    });
  }

  it('explains every disconnect reason and says what to do about it', () => {
    for (const reason of DISCONNECT_REASONS) {
      expect(i18n.exists(`whatsapp:reason.${reason}`), reason).toBe(true);
      expect(i18n.exists(`whatsapp:todo.${reason}`), reason).toBe(true);
    }
  });

  it('names every link state and host health', () => {
    for (const state of LINK_STATES) {
      const phase = linkPhase({ state, lastReason: 'OTHER' });
      expect(i18n.exists(`whatsapp:badge.${phase}`), state).toBe(true);
      expect(i18n.exists(`whatsapp:headline.${phase}`), state).toBe(true);
    }
    for (const health of ZHostHealthState.options)
      expect(i18n.exists(`hosts:healthState.${health}`)).toBe(true);
  });
});
