// The bot's agents: which one answers by default, each agent's card, and adding one by name (its
// id is derived from the name and never changes afterwards: bindings and budgets refer to it).
import { BOT_MODELS } from '@colmeia/shared';
import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Card, SelectField, TextField } from '../../ui/ui.tsx';
import { Modal } from '../workspace/modal.tsx';
import { AgentCard } from './agent.card.tsx';
import { modelForNewAgent, newAgent } from './config-form.ts';
import { errorAt, useConfigForm } from './use-config-form.ts';
import './bot-config.i18n.ts';

export function AgentsSection({ allowedModels }: { allowedModels: readonly string[] | null }) {
  const { t } = useTranslation('botConfig');
  const form = useConfigForm();
  const agents = useFieldArray({ control: form.control, name: 'agents', keyName: 'key' });
  const values = useWatch({ control: form.control, name: 'agents' });
  const defaultAgentId = useWatch({ control: form.control, name: 'defaultAgentId' });
  const [adding, setAdding] = useState(false);
  const { errors } = form.formState;

  return (
    <Card title={t('agentsTitle')} actions={<Button onClick={() => setAdding(true)}>{t('addAgent')}</Button>}>
      <p className="muted">{t('agentsText')}</p>
      <SelectField
        label={t('defaultAgent')}
        hint={t('defaultAgentHint')}
        error={errorAt(errors, 'defaultAgentId')}
        {...form.register('defaultAgentId')}
      >
        {values.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name || agent.id}
          </option>
        ))}
      </SelectField>
      {errorAt(errors, 'agents') && (
        <p className="field-error" role="alert">
          {errorAt(errors, 'agents')}
        </p>
      )}
      {agents.fields.map((field, index) => (
        <AgentCard
          key={field.key}
          index={index}
          allowedModels={allowedModels}
          isDefault={values[index]?.id === defaultAgentId}
          canRemove={agents.fields.length > 1}
          onRemove={() => agents.remove(index)}
        />
      ))}
      <NewAgentDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdd={(name) => {
          const taken = values.map((a) => a.id);
          const preferred = values.find((a) => a.id === defaultAgentId)?.model;
          agents.append(newAgent(name, taken, modelForNewAgent(preferred, BOT_MODELS, allowedModels)), {
            shouldFocus: false,
          });
          setAdding(false);
        }}
      />
    </Card>
  );
}

function NewAgentDialog(props: { open: boolean; onClose: () => void; onAdd: (name: string) => void }) {
  const { t } = useTranslation('botConfig');
  return (
    <Modal open={props.open} title={t('newAgentTitle')} onClose={props.onClose}>
      <NewAgentForm {...props} />
    </Modal>
  );
}

function NewAgentForm(props: { onClose: () => void; onAdd: (name: string) => void }) {
  const { t } = useTranslation('botConfig');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    if (!name.trim()) return setError(t('msg.agentName'));
    props.onAdd(name.trim());
  };
  return (
    // Not a <form>: the dialog sits inside the editor's form, and forms do not nest.
    <>
      <TextField
        label={t('newAgentName')}
        hint={t('newAgentHint')}
        value={name}
        maxLength={60}
        autoFocus
        error={error}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
        onChange={(e) => {
          setName(e.target.value);
          setError(undefined);
        }}
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={props.onClose}>
          {t('common:cancel')}
        </Button>
        <Button onClick={submit}>{t('addAgentConfirm')}</Button>
      </div>
    </>
  );
}
