// Bindings: which agent answers in which chat. The most specific rule wins: an exact chat beats
// "*" for its kind, which beats the default agent.
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Card } from '../../ui/ui.tsx';
import { errorAt, useConfigForm } from './use-config-form.ts';
import './bot-config.i18n.ts';

export function BindingsSection() {
  const { t } = useTranslation('botConfig');
  const form = useConfigForm();
  const { errors } = form.formState;
  const bindings = useFieldArray({ control: form.control, name: 'bindings', keyName: 'key' });
  const agents = useWatch({ control: form.control, name: 'agents' });
  const groups = useWatch({ control: form.control, name: 'groups.list' });
  const rows = useWatch({ control: form.control, name: 'bindings' });

  return (
    <Card title={t('bindingsTitle')}>
      <p className="muted">{t('bindingsText')}</p>
      <datalist id="binding-group-ids">
        {groups
          .filter((g) => g.id)
          .map((g) => (
            <option key={g.id} value={g.id} label={g.name || undefined} />
          ))}
      </datalist>
      {bindings.fields.length === 0 ? (
        <p className="muted">{t('noBindings')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-label={t('bindingsTitle')} className="config-table">
            <thead>
              <tr>
                <th scope="col">{t('bindingKind')}</th>
                <th scope="col">{t('bindingChat')}</th>
                <th scope="col">{t('bindingAgent')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bindings.fields.map((field, i) => {
                const n = i + 1;
                const chatError =
                  errorAt(errors, `bindings.${i}.match.id`) ?? errorAt(errors, `bindings.${i}.match`);
                const agentError = errorAt(errors, `bindings.${i}.agentId`);
                const kind = rows[i]?.match.kind ?? 'direct';
                const current = rows[i]?.agentId;
                return (
                  <tr key={field.key}>
                    <td>
                      <select
                        aria-label={t('bindingKindOf', { n })}
                        {...form.register(`bindings.${i}.match.kind`)}
                      >
                        <option value="direct">{t('chatKind.direct')}</option>
                        <option value="group">{t('chatKind.group')}</option>
                      </select>
                    </td>
                    <td>
                      <input
                        className="mono"
                        aria-label={t('bindingChatOf', { n })}
                        list={kind === 'group' ? 'binding-group-ids' : undefined}
                        placeholder={kind === 'group' ? '120363000000000000@g.us' : '5511987654321'}
                        aria-invalid={chatError ? true : undefined}
                        {...form.register(`bindings.${i}.match.id`)}
                      />
                      {chatError && (
                        <small className="field-error" role="alert">
                          {chatError}
                        </small>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={t('bindingAgentOf', { n })}
                        aria-invalid={agentError ? true : undefined}
                        {...form.register(`bindings.${i}.agentId`)}
                      >
                        {current && !agents.some((a) => a.id === current) && (
                          <option value={current}>{t('unknownAgent', { id: current })}</option>
                        )}
                        {agents.map((agent) => (
                          <option key={agent.id} value={agent.id}>
                            {agent.name || agent.id}
                          </option>
                        ))}
                      </select>
                      {agentError && (
                        <small className="field-error" role="alert">
                          {agentError}
                        </small>
                      )}
                    </td>
                    <td>
                      <Button
                        variant="ghost"
                        aria-label={t('removeBindingOf', { n })}
                        onClick={() => bindings.remove(i)}
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
          bindings.append(
            { agentId: agents[0]?.id ?? '', match: { kind: 'group', id: '*' } },
            { shouldFocus: false },
          )
        }
      >
        {t('addBinding')}
      </Button>
    </Card>
  );
}
