// Outcome words in the visitor's language: the rule that decided and why nothing was answered.
import type { TFunction } from 'i18next';
import { i18n } from '../../lib/i18n.ts';
import { describeRule } from './outcome.ts';
import '../costs/costs.i18n.ts'; // the gateway's refusal reasons (reasons:gateway.*)
import './conversations.i18n.ts';

export function reasonLabel(t: TFunction, reason: string): string {
  if (i18n.exists(`conversations:reason.${reason}`)) return t(`conversations:reason.${reason}`);
  if (i18n.exists(`reasons:${reason}`)) return t(`reasons:${reason}`);
  return reason;
}

export function ruleLabel(t: TFunction, rule: string): string {
  const { key, values } = describeRule(rule);
  if (key === 'rule.refused')
    return t('conversations:rule.refused', { reason: reasonLabel(t, values?.reason ?? '') });
  return t(`conversations:${key}`, values ?? {});
}
