// /w/:tenantId/bots/:botId/pairing — DM pairing requests: unknown contacts who wrote while the DM
// policy is "pairing" got a code; an owner or admin approves (the bot then answers them) or rejects.
// A contact may also read the code out to the owner: "approve by code" takes it directly.
import { can } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Card, EmptyState, ErrorState, FormError, Loading, Notice, TextField } from '../../ui/ui.tsx';
import { GuardedButton } from '../bots/guarded-button.tsx';
import { formatPhone } from '../bots/phone.ts';
import { pairingState } from './pairing-state.ts';
import '../bot-config/bot-config.css';
import './conversations.i18n.ts';

const REFRESH_MS = 15_000;

export function PairingPage() {
  const { t } = useTranslation('conversations');
  const { botId = '' } = useParams();
  const { role } = useCurrentWorkspace();
  const blocked = role && can(role, 'whatsapp.manage') ? null : 'role';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pairings = useQuery({
    ...trpc.conversations.pairings.queryOptions({ botId }),
    refetchInterval: REFRESH_MS,
  });
  const [done, setDone] = useState<{ code: string; approve: boolean } | null>(null);
  const decide = useMutation(
    trpc.conversations.decidePairing.mutationOptions({
      onSuccess: async (_ok, input) => {
        setDone({ code: input.code, approve: input.approve });
        await queryClient.invalidateQueries({ queryKey: trpc.conversations.pairings.queryKey({ botId }) });
      },
    }),
  );
  const run = (code: string, approve: boolean) => {
    setDone(null);
    decide.mutate({ botId, code, approve });
  };
  const now = new Date();

  return (
    <>
      {blocked && <Notice tone="warning">{t('pairing.cannot')}</Notice>}
      <Card title={t('pairing.byCodeTitle')}>
        <p className="muted">{t('pairing.byCodeText')}</p>
        <ApproveByCode blocked={blocked} pending={decide.isPending} onApprove={(code) => run(code, true)} />
      </Card>
      {done && (
        <Notice tone="success">
          {t(done.approve ? 'pairing.approved' : 'pairing.rejected', { code: done.code })}
        </Notice>
      )}
      <FormError error={decide.error} />
      <Card title={t('pairing.listTitle')}>
        {pairings.isPending ? (
          <Loading />
        ) : pairings.isError ? (
          <ErrorState error={pairings.error} onRetry={() => void pairings.refetch()} />
        ) : pairings.data.length === 0 ? (
          <EmptyState title={t('pairing.empty')}>{t('pairing.emptyText')}</EmptyState>
        ) : (
          <DataTable
            label={t('pairing.listTitle')}
            columns={[
              t('pairing.contact'),
              t('pairing.code'),
              t('pairing.asked'),
              t('pairing.state'),
              t('pairing.actions'),
            ]}
            items={pairings.data}
            row={(p) => {
              const state = pairingState(p, now);
              const who = p.name ? `${p.name} (${formatPhone(p.phone)})` : formatPhone(p.phone);
              return (
                <>
                  <td>{who}</td>
                  <td className="mono">{p.code}</td>
                  <td>{formatDateTime(p.createdAt)}</td>
                  <td>
                    {t(`pairing.status.${state}`)}
                    {state === 'pending' && (
                      <small className="muted">
                        {' '}
                        {t('pairing.expires', { when: formatDateTime(p.expiresAt) })}
                      </small>
                    )}
                  </td>
                  <td>
                    {state === 'pending' && (
                      <div className="row-actions">
                        <GuardedButton
                          blocked={blocked}
                          disabled={decide.isPending}
                          aria-label={t('pairing.approveOf', { who })}
                          onClick={() => run(p.code, true)}
                        >
                          {t('pairing.approve')}
                        </GuardedButton>
                        <GuardedButton
                          variant="secondary"
                          blocked={blocked}
                          disabled={decide.isPending}
                          aria-label={t('pairing.rejectOf', { who })}
                          onClick={() => run(p.code, false)}
                        >
                          {t('pairing.reject')}
                        </GuardedButton>
                      </div>
                    )}
                  </td>
                </>
              );
            }}
          />
        )}
      </Card>
    </>
  );
}

function ApproveByCode(props: {
  blocked: 'role' | null;
  pending: boolean;
  onApprove: (code: string) => void;
}) {
  const { t } = useTranslation('conversations');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      noValidate
      aria-label={t('pairing.byCodeTitle')}
      className="row-actions"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = code.replace(/[\s-]/g, '').toUpperCase();
        if (!/^[A-Z0-9]{8}$/.test(clean)) return setError(t('pairing.badCode'));
        props.onApprove(clean);
        setCode('');
      }}
    >
      <TextField
        label={t('pairing.codeLabel')}
        placeholder="ABCD2345"
        autoComplete="off"
        className="mono"
        value={code}
        error={error}
        onChange={(e) => {
          setCode(e.target.value);
          setError(undefined);
        }}
      />
      <GuardedButton type="submit" blocked={props.blocked} disabled={props.pending}>
        {t('pairing.approveCode')}
      </GuardedButton>
    </form>
  );
}
