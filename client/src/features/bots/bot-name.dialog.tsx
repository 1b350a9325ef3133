// Naming a bot: the same small form creates a bot or renames one. Creating also asks how its number
// connects: a phone linked by QR code (WhatsApp Web) or a number on Meta's Cloud API.
import { type BotDto, ZBotChannel, ZBotName } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, TextField } from '../../ui/ui.tsx';
import { RadioCards } from '../bot-config/fields.tsx';
import { Modal } from '../workspace/modal.tsx';
import '../bot-config/bot-config.css'; // .radio-cards
import './bots.i18n.ts';

const ZForm = z.object({ name: ZBotName, channel: ZBotChannel });

/** `bot` null creates a new bot; `onSaved` gets the created or renamed bot. */
export function BotNameDialog(props: {
  open: boolean;
  bot: { id: string; name: string } | null;
  onClose: () => void;
  onSaved: (bot: Pick<BotDto, 'id' | 'channel'>) => void;
}) {
  const { t } = useTranslation('bots');
  return (
    <Modal open={props.open} title={props.bot ? t('renameTitle') : t('createTitle')} onClose={props.onClose}>
      <BotNameForm {...props} />
    </Modal>
  );
}

function BotNameForm({
  bot,
  onClose,
  onSaved,
}: {
  bot: { id: string; name: string } | null;
  onClose: () => void;
  onSaved: (bot: Pick<BotDto, 'id' | 'channel'>) => void;
}) {
  const { t } = useTranslation('bots');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZForm),
    defaultValues: { name: bot?.name ?? '', channel: 'web' as BotDto['channel'] },
  });
  const saved = async (result: BotDto) => {
    await queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
    onSaved(result);
  };
  const onError = (error: unknown) => applyServerErrors(error, form.setError);
  const create = useMutation(trpc.bots.create.mutationOptions({ onSuccess: saved, onError }));
  const rename = useMutation(trpc.bots.rename.mutationOptions({ onSuccess: saved, onError }));
  const mutation = bot ? rename : create;

  return (
    <form
      noValidate
      aria-label={bot ? t('renameTitle') : t('createTitle')}
      onSubmit={form.handleSubmit(({ name, channel }) =>
        bot ? rename.mutate({ botId: bot.id, name }) : create.mutate({ name, channel }),
      )}
    >
      <TextField
        label={t('nameLabel')}
        hint={t('nameHint')}
        autoComplete="off"
        maxLength={60}
        autoFocus
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      {!bot && (
        <Controller
          control={form.control}
          name="channel"
          render={({ field }) => (
            <RadioCards
              legend={t('channelLegend')}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              options={ZBotChannel.options.map((channel) => ({
                value: channel,
                label: t(`channelOption.${channel}`),
                description: t(`channelOption.${channel}Text`),
              }))}
            />
          )}
        />
      )}
      <FormError error={form.formState.errors.name ? null : mutation.error} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          {bot ? t('common:save') : t('createButton')}
        </Button>
      </div>
    </form>
  );
}
