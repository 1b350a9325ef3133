// The sandbox's compose box: who is writing (a contact, or a member of a group — one of the
// configured groups or any id typed), whether the message mentions the bot, and the text.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../ui/ui.tsx';
import { configMessage } from '../bot-config/config-messages.ts';
import { SANDBOX_DEFAULTS, type SandboxForm, type SandboxInput, sandboxInput } from './sandbox.ts';
import './conversations.i18n.ts';

const MESSAGES: Record<string, string> = {
  'Write a message': 'writeMessage',
  'Choose the group': 'chooseGroup',
};

export function SandboxFormView(props: {
  botId: string;
  groups: { id: string; name: string }[];
  disabled: boolean;
  pending: boolean;
  onSend: (input: SandboxInput) => void;
}) {
  const { t } = useTranslation('conversations');
  const form = useForm<SandboxForm>({ defaultValues: SANDBOX_DEFAULTS });
  const as = form.watch('as');
  const { errors } = form.formState;
  const message = (text: string | undefined) =>
    text === undefined ? undefined : MESSAGES[text] ? t(`sandbox.${MESSAGES[text]}`) : configMessage(text);

  return (
    <form
      noValidate
      aria-label={t('sandbox.form')}
      className="sandbox-form"
      onSubmit={form.handleSubmit((values) => {
        const checked = sandboxInput(props.botId, values);
        if (!checked.ok) {
          for (const [field, text] of Object.entries(checked.errors))
            form.setError(field as keyof SandboxForm, { type: 'schema', message: text });
          return;
        }
        props.onSend(checked.input);
        form.setValue('text', '');
        form.setFocus('text');
      })}
    >
      <fieldset disabled={props.disabled} className="plain-fieldset">
        <fieldset className="sandbox-as">
          <legend>{t('sandbox.writeAs')}</legend>
          <label>
            <input type="radio" value="contact" {...form.register('as')} /> {t('sandbox.contact')}
          </label>
          <label>
            <input type="radio" value="group" {...form.register('as')} /> {t('sandbox.member')}
          </label>
        </fieldset>
        <div className="sandbox-who">
          <TextField
            label={t('sandbox.phone')}
            inputMode="tel"
            error={message(errors.phone?.message)}
            {...form.register('phone')}
          />
          <TextField label={t('sandbox.name')} autoComplete="off" {...form.register('name')} />
          {as === 'group' && (
            <>
              <TextField
                label={t('sandbox.group')}
                list="sandbox-groups"
                placeholder="120363000000000000@g.us"
                autoComplete="off"
                error={message(errors.groupId?.message)}
                {...form.register('groupId')}
              />
              <datalist id="sandbox-groups">
                {props.groups.map((g) => (
                  <option key={g.id} value={g.id} label={g.name || undefined} />
                ))}
              </datalist>
              <label className="sandbox-mention">
                <input type="checkbox" {...form.register('mention')} /> {t('sandbox.mention')}
              </label>
            </>
          )}
        </div>
        <div className="sandbox-compose">
          <TextField
            label={t('sandbox.message')}
            autoComplete="off"
            error={message(errors.text?.message)}
            {...form.register('text')}
          />
          <Button type="submit" disabled={props.pending}>
            {t('sandbox.send')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
