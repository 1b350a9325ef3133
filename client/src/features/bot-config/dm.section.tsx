// Direct messages: who may talk to the bot one to one (pairing, allowlist, open, disabled) and the
// numbers on the allowlist, which also skip pairing.
import { DM_POLICIES } from '@colmeia/shared';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/ui.tsx';
import { RadioCards } from './fields.tsx';
import { TagInput } from './tag-input.tsx';
import { checkPhone } from './tags.ts';
import { errorAt, useConfigForm } from './use-config-form.ts';
import './bot-config.i18n.ts';

export function DmSection() {
  const { t } = useTranslation('botConfig');
  const form = useConfigForm();
  const { errors } = form.formState;
  return (
    <Card title={t('dmTitle')}>
      <Controller
        control={form.control}
        name="dm.policy"
        render={({ field }) => (
          <RadioCards
            legend={t('dmPolicy')}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            options={DM_POLICIES.map((policy) => ({
              value: policy,
              label: t(`dm.${policy}`),
              description: t(`dm.${policy}Text`),
            }))}
          />
        )}
      />
      <Controller
        control={form.control}
        name="dm.allowFrom"
        render={({ field }) => (
          <TagInput
            label={t('allowFrom')}
            hint={t('allowFromHint')}
            placeholder="5511987654321"
            value={field.value}
            onChange={field.onChange}
            check={checkPhone}
            max={1000}
            error={errorAt(errors, 'dm.allowFrom')}
          />
        )}
      />
    </Card>
  );
}
