// /w/:tenantId/bots/:botId/sandbox — a chat simulator: write as a contact or a group member and
// see what the real pipeline does with the configuration in force (replies, agent, rule, cost).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { errorText } from '../../ui/messages.ts';
import { Button, Card, Notice } from '../../ui/ui.tsx';
import { SandboxFormView } from './sandbox.form.tsx';
import {
  appendExchange,
  type Exchange,
  exchangeOf,
  loadLog,
  type SandboxInput,
  saveLog,
  settle,
} from './sandbox.ts';
import { SandboxChat } from './sandbox-chat.tsx';
import './conversations.css';
import './conversations.i18n.ts';

export function SandboxPage() {
  const { t } = useTranslation('conversations');
  const { botId = '' } = useParams();
  const trpc = useTRPC();
  const canManage = useCan('bots.manage');
  const config = useQuery(trpc.botConfig.get.queryOptions({ botId }));
  const [log, setLog] = useState<Exchange[]>(() => loadLog(botId));
  const counter = useRef(0);
  useEffect(() => saveLog(botId, log), [botId, log]);
  const send = useMutation(trpc.conversations.sandbox.mutationOptions());

  const submit = (input: SandboxInput) => {
    const id = `${Date.now()}-${counter.current++}`;
    setLog((l) => appendExchange(l, exchangeOf(id, input, new Date())));
    send.mutate(input, {
      onSuccess: (result) => setLog((l) => settle(l, id, { result })),
      onError: (error) => setLog((l) => settle(l, id, { error: errorText(error) })),
    });
  };

  return (
    <Card
      title={t('sandbox.title')}
      actions={
        <Button variant="ghost" disabled={log.length === 0} onClick={() => setLog([])}>
          {t('sandbox.clear')}
        </Button>
      }
    >
      <p className="muted">{t('sandbox.text')}</p>
      {!canManage && <Notice tone="warning">{t('sandbox.cannot')}</Notice>}
      <SandboxChat log={log} />
      <SandboxFormView
        botId={botId}
        groups={config.data?.config.groups.list ?? []}
        disabled={!canManage}
        pending={send.isPending}
        onSend={submit}
      />
    </Card>
  );
}
