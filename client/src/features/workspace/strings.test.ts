import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import '../audit/audit.i18n.ts';
import '../overview/overview.i18n.ts';
import '../staff/staff.i18n.ts';
import '../team/team.i18n.ts';
import './workspace.i18n.ts';

/** Every key path of a nested strings object ('roles.owner'). */
function keys(bundle: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('workspace, team, audit, staff and overview strings', () => {
  for (const ns of ['workspace', 'team', 'audit', 'auditActions', 'staff', 'overview']) {
    it(`has the same ${ns} keys in Portuguese and English`, () => {
      const pt = keys(i18n.getResourceBundle('pt-BR', ns)).sort();
      const en = keys(i18n.getResourceBundle('en', ns)).sort();
      expect(pt.length).toBeGreaterThan(0);
      expect(en).toEqual(pt);
    });
  }
});
