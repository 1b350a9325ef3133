// The WhatsApp link of one bot: what is happening (state text), what to look at (QR, pairing code
// or the number form) and what can be done (controls), plus the demo phone outside production.
import type { LinkStatus } from '@colmeia/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Loading } from '../../ui/ui.tsx';
import type { BotAbilities } from './bot-abilities.ts';
import { DemoPhonePanel } from './demo-phone.panel.tsx';
import { LinkControls } from './link-controls.tsx';
import { LinkStateText } from './link-state.text.tsx';
import { linkActions, linkPhase } from './link-state.ts';
import { PairingCode, PairingForm } from './pairing.panel.tsx';
import { QrPanel } from './qr.panel.tsx';
import './bots.css';
import './whatsapp.i18n.ts';

export function LinkCard(props: {
  status: LinkStatus;
  botName: string;
  abilities: BotAbilities;
  demo: boolean;
}) {
  const { t } = useTranslation('whatsapp');
  const { status, abilities } = props;
  const phase = linkPhase(status);
  const [method, setMethod] = useState<'qr' | 'code'>('qr');
  const [requested, setRequested] = useState(false);
  const choose = (next: 'qr' | 'code') => {
    setMethod(next);
    setRequested(false);
  };
  // Once linked (or unlinked), the next link starts from the QR again.
  useEffect(() => {
    if (phase === 'connected' || phase === 'stopping') {
      setMethod('qr');
      setRequested(false);
    }
  }, [phase]);

  const waitingForCode = method === 'code' && requested && (phase === 'preparing' || phase === 'scan');
  let panel = null;
  let showing: 'qr' | 'code' | null = null;
  if (status.pairing) {
    panel = <PairingCode pairing={status.pairing} />;
    showing = 'code';
  } else if (waitingForCode) panel = <Loading label={t('pairing.generating')} />;
  else if (method === 'code' && linkActions(phase).pairing)
    panel = (
      <PairingForm
        botId={status.botId}
        disabled={abilities.link !== null}
        onRequested={() => setRequested(true)}
      />
    );
  else if (phase === 'scan') {
    panel = <QrPanel qr={status.qr} />;
    if (status.qr) showing = 'qr';
  }

  return (
    <>
      <Card title={t('statusCard')}>
        <LinkStateText status={status} />
        {panel}
        <LinkControls
          status={status}
          botName={props.botName}
          abilities={abilities}
          method={method}
          onMethod={choose}
        />
      </Card>
      {props.demo && (
        <DemoPhonePanel
          status={status}
          showing={showing}
          idle={linkActions(phase).link}
          blocked={abilities.link}
        />
      )}
    </>
  );
}
