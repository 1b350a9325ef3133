import { describe, expect, it } from 'vitest';
import { signatureMatches, signBody } from './signature.ts';

// The test vector of shared/research/external-apis.md §1.2.
const BODY = '{"object":"whatsapp_business_account","entry":[]}';
const SIGNATURE = 'sha256=523505d20f6a97026a425949264490ca97eab5d4ba6cd6a0f56f7557599d7f7b';

describe('X-Hub-Signature-256', () => {
  it('signs the raw body as Meta does', () => {
    expect(signBody(BODY, 'app_secret_test')).toBe(SIGNATURE);
  });

  it('accepts the right signature, upper-case hex included', () => {
    expect(signatureMatches(Buffer.from(BODY), SIGNATURE, 'app_secret_test')).toBe(true);
    expect(
      signatureMatches(Buffer.from(BODY), `sha256=${SIGNATURE.slice(7).toUpperCase()}`, 'app_secret_test'),
    ).toBe(true);
  });

  it('refuses a missing, malformed, truncated or foreign signature and a changed body', () => {
    const raw = Buffer.from(BODY);
    expect(signatureMatches(raw, undefined, 'app_secret_test')).toBe(false);
    expect(signatureMatches(raw, SIGNATURE.slice(7), 'app_secret_test')).toBe(false);
    expect(signatureMatches(raw, SIGNATURE.slice(0, -2), 'app_secret_test')).toBe(false);
    expect(signatureMatches(raw, SIGNATURE, 'another_secret')).toBe(false);
    expect(signatureMatches(Buffer.from(`${BODY} `), SIGNATURE, 'app_secret_test')).toBe(false);
  });
});
