// One agent in the editor: identity, persona, model, skills, limits and its own mention patterns.
import { BOT_MODELS } from '@colmeia/shared';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, SelectField, TextField } from '../../ui/ui.tsx';
import type { Skills } from './config-form.ts';
import { CheckboxField, TextAreaField } from './fields.tsx';
import { TagInput } from './tag-input.tsx';
import { checkPattern } from './tags.ts';
import { errorAt, useConfigForm } from './use-config-form.ts';
import './bot-config.i18n.ts';

/**
 * Skills are stored now; none runs yet: the pipeline sends text only, and web search and speech
 * need a provider key the platform does not hold. The hint says so instead of pretending.
 */
const SKILLS: { key: keyof Skills; hint: 'needsKey' | 'textOnly' }[] = [
  { key: 'webSearch', hint: 'needsKey' },
  { key: 'imageUnderstanding', hint: 'textOnly' },
  { key: 'voiceTranscription', hint: 'needsKey' },
  { key: 'spokenReplies', hint: 'needsKey' },
];

export function AgentCard(props: {
  index: number;
  allowedModels: readonly string[] | null;
  isDefault: boolean;
  canRemove: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation('botConfig');
  const form = useConfigForm();
  const { errors } = form.formState;
  const base = `agents.${props.index}` as const;
  const [name, emoji, id] = useWatch({
    control: form.control,
    name: [`${base}.name`, `${base}.emoji`, `${base}.id`],
  });
  const err = (field: string) => errorAt(errors, `${base}.${field}`);
  const title = `${emoji ? `${emoji} ` : ''}${name || t('unnamedAgent')}`;

  return (
    <fieldset className="agent-card" aria-label={t('agentGroup', { name: name || id })}>
      <legend>
        {title} <code className="muted small">{id}</code>
        {props.isDefault && <span className="badge badge-ok">{t('defaultBadge')}</span>}
      </legend>
      {err('id') && (
        <p className="field-error" role="alert">
          {err('id')}
        </p>
      )}
      <div className="config-grid agent-identity">
        <TextField label={t('agentName')} error={err('name')} {...form.register(`${base}.name`)} />
        <TextField
          label={t('emoji')}
          error={err('emoji')}
          maxLength={16}
          {...form.register(`${base}.emoji`)}
        />
        <TextField
          label={t('avatarUrl')}
          type="url"
          inputMode="url"
          placeholder="https://"
          error={err('avatarUrl')}
          {...form.register(`${base}.avatarUrl`)}
        />
      </div>
      <TextAreaField
        label={t('persona')}
        hint={t('personaHint')}
        rows={5}
        error={err('persona')}
        {...form.register(`${base}.persona`)}
      />
      <div className="config-grid">
        <SelectField label={t('model')} error={err('model')} {...form.register(`${base}.model`)}>
          {BOT_MODELS.map((model) => {
            const allowed = !props.allowedModels || props.allowedModels.includes(model);
            return (
              <option key={model} value={model} disabled={!allowed}>
                {allowed ? model : t('notInPlan', { model })}
              </option>
            );
          })}
        </SelectField>
        <TextField
          label={t('historyWindow')}
          inputMode="numeric"
          hint={t('historyWindowHint')}
          error={err('historyWindow')}
          {...form.register(`${base}.historyWindow`)}
        />
        <TextField
          label={t('maxTokens')}
          inputMode="numeric"
          hint={t('maxTokensHint')}
          error={err('maxTokens')}
          {...form.register(`${base}.maxTokens`)}
        />
        <TextField
          label={t('replyPrefix')}
          hint={t('replyPrefixHint')}
          error={err('replyPrefix')}
          {...form.register(`${base}.replyPrefix`)}
        />
      </div>
      <fieldset className="skills">
        <legend>{t('skills')}</legend>
        {SKILLS.map((skill) => (
          <CheckboxField
            key={skill.key}
            label={t(`skill.${skill.key}`)}
            hint={t(`skillHint.${skill.hint}`)}
            {...form.register(`${base}.skills.${skill.key}`)}
          />
        ))}
      </fieldset>
      <Controller
        control={form.control}
        name={`${base}.mentionPatterns`}
        render={({ field }) => (
          <TagInput
            label={t('agentPatterns')}
            hint={t('agentPatternsHint')}
            placeholder={t('patternPlaceholder')}
            value={field.value}
            onChange={field.onChange}
            check={checkPattern}
            max={20}
            monospace
            error={err('mentionPatterns')}
          />
        )}
      />
      <div className="row-actions">
        <Button
          variant="danger"
          disabled={!props.canRemove}
          title={props.canRemove ? undefined : t('lastAgent')}
          aria-label={t('removeAgent', { name: name || id })}
          onClick={props.onRemove}
        >
          {t('remove')}
        </Button>
      </div>
    </fieldset>
  );
}
