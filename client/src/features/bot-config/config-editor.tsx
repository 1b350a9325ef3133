// The visual editor of a bot's configuration. It starts from one version and saves against it: if
// someone saved a newer one meanwhile, the server refuses (botConfig.stale) and the editor offers
// to load it instead of overwriting. Field errors (here or from the server) land on their field.
import type { BotConfig, BotConfigState } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { FormProvider, type Path, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { errorReason } from '../../ui/messages.ts';
import { Button, Notice } from '../../ui/ui.tsx';
import { AgentsSection } from './agents.section.tsx';
import { BindingsSection } from './bindings.section.tsx';
import { type ConfigForm, configFormSchema, configToForm, serverFieldErrors } from './config-form.ts';
import { DmSection } from './dm.section.tsx';
import { GroupsSection } from './groups.section.tsx';
import { ImportDialog } from './import.dialog.tsx';
import { SaveBar } from './save-bar.tsx';
import './bot-config.css';
import './bot-config.i18n.ts';

export function ConfigEditor(props: { initial: BotConfigState; canManage: boolean }) {
  const { t } = useTranslation('botConfig');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(props.initial);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | 'invalid' | null>(null);
  const [note, setNote] = useState('');
  const schema = useMemo(() => configFormSchema(base.allowedModels), [base.allowedModels]);
  const form = useForm<ConfigForm, unknown, BotConfig>({
    resolver: zodResolver(schema) as Resolver<ConfigForm, unknown, BotConfig>,
    defaultValues: configToForm(base.config),
  });

  /** Makes a version the editor's starting point (after a save, an import or a reload). */
  const adopt = (state: BotConfigState) => {
    setBase(state);
    form.reset(configToForm(state.config));
    queryClient.setQueryData(trpc.botConfig.get.queryKey({ botId: state.botId }), state);
    void queryClient.invalidateQueries({
      queryKey: trpc.botConfig.versions.queryKey({ botId: state.botId }),
    });
  };
  const save = useMutation(
    trpc.botConfig.save.mutationOptions({
      onSuccess: (state) => {
        setOutcome(state.version === base.version ? 'unchanged' : 'saved');
        setNote('');
        adopt(state);
      },
      onError: (error) => {
        for (const [path, message] of serverFieldErrors(error))
          form.setError(path as Path<ConfigForm>, { type: 'server', message });
      },
    }),
  );
  const reload = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery({ ...trpc.botConfig.get.queryOptions({ botId: base.botId }), staleTime: 0 }),
    onSuccess: (state) => {
      save.reset();
      setOutcome(null);
      adopt(state);
    },
  });
  const stale = errorReason(save.error) === 'botConfig.stale';

  return (
    <FormProvider {...form}>
      <div className="config-toolbar">
        <p className="muted">
          {t('versionLine', {
            version: base.version,
            when: formatDateTime(base.savedAt),
            who: base.savedByEmail ?? t('system'),
          })}
        </p>
        <Button variant="secondary" disabled={!props.canManage} onClick={() => setImporting(true)}>
          {t('importOpenClaw')}
        </Button>
      </div>
      {!props.canManage && <Notice tone="warning">{t('cannotManage')}</Notice>}
      <form
        noValidate
        aria-label={t('editorForm')}
        onSubmit={form.handleSubmit(
          (config) => {
            setOutcome(null);
            save.mutate({
              botId: base.botId,
              config,
              baseVersion: base.version,
              note: note.trim() || undefined,
            });
          },
          () => setOutcome('invalid'),
        )}
      >
        <fieldset disabled={!props.canManage} className="plain-fieldset">
          <AgentsSection allowedModels={base.allowedModels} />
          <DmSection />
          <GroupsSection allowedModels={base.allowedModels} />
          <BindingsSection />
          <SaveBar
            note={note}
            onNote={setNote}
            dirty={form.formState.isDirty}
            pending={save.isPending}
            outcome={outcome}
            error={stale ? null : save.error}
          >
            {stale && (
              <Notice tone="warning">
                {t('stale')}{' '}
                <Button variant="secondary" disabled={reload.isPending} onClick={() => reload.mutate()}>
                  {t('loadLatest')}
                </Button>
              </Notice>
            )}
          </SaveBar>
        </fieldset>
      </form>
      <ImportDialog
        botId={base.botId}
        open={importing}
        dirty={form.formState.isDirty}
        onClose={() => setImporting(false)}
        onImported={(state) => {
          setOutcome(null);
          save.reset();
          adopt(state);
        }}
      />
    </FormProvider>
  );
}
