// Groups: which groups the bot takes part in, whether it waits to be mentioned, the listed groups
// (each with its own mention rule and an optional model), and the mention patterns of every agent.
import { BOT_MODELS, GROUP_POLICIES } from '@colmeia/shared';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Card } from '../../ui/ui.tsx';
import { CheckboxField, RadioCards } from './fields.tsx';
import { TagInput } from './tag-input.tsx';
import { checkPattern } from './tags.ts';
import { errorAt, useConfigForm } from './use-config-form.ts';
import './bot-config.i18n.ts';

export function GroupsSection({ allowedModels }: { allowedModels: readonly string[] | null }) {
  const { t } = useTranslation('botConfig');
  const form = useConfigForm();
  const { errors } = form.formState;
  const groups = useFieldArray({ control: form.control, name: 'groups.list', keyName: 'key' });

  return (
    <Card title={t('groupsTitle')}>
      <Controller
        control={form.control}
        name="groups.policy"
        render={({ field }) => (
          <RadioCards
            legend={t('groupPolicy')}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            options={GROUP_POLICIES.map((policy) => ({
              value: policy,
              label: t(`group.${policy}`),
              description: t(`group.${policy}Text`),
            }))}
          />
        )}
      />
      <CheckboxField
        label={t('requireMentionDefault')}
        hint={t('requireMentionHint')}
        {...form.register('groups.requireMention')}
      />
      <h3 className="config-subtitle">{t('groupList')}</h3>
      {groups.fields.length === 0 ? (
        <p className="muted">{t('noGroups')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-label={t('groupList')} className="config-table">
            <thead>
              <tr>
                <th scope="col">{t('groupId')}</th>
                <th scope="col">{t('groupName')}</th>
                <th scope="col">{t('requireMention')}</th>
                <th scope="col">{t('groupModel')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.fields.map((field, i) => {
                const n = i + 1;
                const idError = errorAt(errors, `groups.list.${i}.id`);
                const modelError = errorAt(errors, `groups.list.${i}.model`);
                return (
                  <tr key={field.key}>
                    <td>
                      <input
                        className="mono"
                        aria-label={t('groupIdOf', { n })}
                        placeholder="120363000000000000@g.us"
                        aria-invalid={idError ? true : undefined}
                        {...form.register(`groups.list.${i}.id`)}
                      />
                      {idError && (
                        <small className="field-error" role="alert">
                          {idError}
                        </small>
                      )}
                    </td>
                    <td>
                      <input
                        aria-label={t('groupNameOf', { n })}
                        {...form.register(`groups.list.${i}.name`)}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('requireMentionOf', { n })}
                        {...form.register(`groups.list.${i}.requireMention`)}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={t('groupModelOf', { n })}
                        {...form.register(`groups.list.${i}.model`)}
                      >
                        <option value="">{t('agentModel')}</option>
                        {BOT_MODELS.map((model) => {
                          const allowed = !allowedModels || allowedModels.includes(model);
                          return (
                            <option key={model} value={model} disabled={!allowed}>
                              {allowed ? model : t('notInPlan', { model })}
                            </option>
                          );
                        })}
                      </select>
                      {modelError && (
                        <small className="field-error" role="alert">
                          {modelError}
                        </small>
                      )}
                    </td>
                    <td>
                      <Button
                        variant="ghost"
                        aria-label={t('removeGroupOf', { n })}
                        onClick={() => groups.remove(i)}
                      >
                        ×
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Button
        variant="secondary"
        onClick={() =>
          groups.append({ id: '', name: '', requireMention: true, model: '' }, { shouldFocus: true })
        }
      >
        {t('addGroup')}
      </Button>
      <Controller
        control={form.control}
        name="mentionPatterns"
        render={({ field }) => (
          <TagInput
            label={t('globalPatterns')}
            hint={t('globalPatternsHint')}
            placeholder={t('patternPlaceholder')}
            value={field.value}
            onChange={field.onChange}
            check={checkPattern}
            max={20}
            monospace
            error={errorAt(errors, 'mentionPatterns')}
          />
        )}
      />
    </Card>
  );
}
