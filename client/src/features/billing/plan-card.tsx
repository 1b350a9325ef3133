// One plan as a card: price, what it includes in words, and the action for this workspace.
import type { Plan } from '@colmeia/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { formatCents, planModels } from './billing-logic.ts';

const MODEL_NAMES = { haiku: 'Haiku', sonnet: 'Sonnet', opus: 'Opus' } as const;

export function PlanCard({ plan, current, action }: { plan: Plan; current: boolean; action: ReactNode }) {
  const { t, i18n } = useTranslation('billing');
  const l = plan.limits;
  const models = planModels(plan);
  const lines = [
    l.messagesPerMonth === null
      ? t('includes.messagesUnlimited')
      : t('includes.messages', { n: formatNumber(l.messagesPerMonth) }),
    l.bots === null ? t('includes.botsUnlimited') : t('includes.bots', { count: l.bots }),
    l.groups === null ? t('includes.groupsUnlimited') : t('includes.groups', { count: l.groups }),
    t('includes.models', {
      models: models
        .filter((m) => !m.credits)
        .map((m) => MODEL_NAMES[m.family])
        .join(', '),
    }),
    ...models.filter((m) => m.credits).map((m) => t('includes.credits', { model: MODEL_NAMES[m.family] })),
    ...(l.apiAccess ? [t('includes.api')] : []),
    ...(l.signature ? [t('includes.signature')] : []),
    ...(l.dedicatedHost ? [t('includes.dedicated')] : []),
  ];
  return (
    <section
      className={`card plan-card${current ? ' plan-current' : ''}`}
      aria-label={plan.name}
      data-testid={`plan-${plan.id}`}
    >
      <h3>{plan.name}</h3>
      <p className="plan-price">
        {plan.priceBrlCents === 0
          ? t('free')
          : t('perMonth', { price: formatCents(plan.priceBrlCents, i18n.language) })}
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {action}
    </section>
  );
}
