// Turns a raw audit action ('member.role_changed') into plain words in the active language.
// Action names contain dots, so the lookup disables i18next's key separator; an unknown action
// falls back to the raw name so a newly added server action is still readable.
import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS_NS } from './audit-actions.i18n.ts';

export function actionLabel(t: TFunction, action: string): string {
  const label = t(action, {
    ns: AUDIT_ACTIONS_NS,
    keySeparator: false,
    nsSeparator: false,
    defaultValue: action,
  });
  return typeof label === 'string' && label.length > 0 ? label : action;
}
