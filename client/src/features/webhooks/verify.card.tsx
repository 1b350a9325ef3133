// How a receiver checks a delivery (the same recipe as docs/webhooks.md), with a Node.js sample.
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/ui.tsx';
import './webhooks.i18n.ts';

const SAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (a string or Buffer).
function verify(secret, headers, rawBody) {
  const timestamp = headers['colmeia-webhook-timestamp'];
  const expected = 'v1=' + createHmac('sha256', secret).update(\`\${timestamp}.\${rawBody}\`).digest('hex');
  const given = String(headers['colmeia-webhook-signature'] ?? '');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return fresh && given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

export function VerifyCard() {
  const { t } = useTranslation('webhooks');
  return (
    <Card title={t('verifyTitle')}>
      <p>{t('verifyText')}</p>
      <p>{t('verifyFreshness')}</p>
      <p>{t('retryText')}</p>
      <p className="muted">{t('productionText')}</p>
      <pre className="webhook-pre">{SAMPLE}</pre>
    </Card>
  );
}
