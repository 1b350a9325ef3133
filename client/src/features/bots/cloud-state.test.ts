import { type CloudSettingsDto, DEFAULT_GRAPH_BASE_URL } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import {
  cloudPhase,
  cloudRefreshMs,
  formValues,
  missingPieces,
  toSaveInput,
  ZCloudForm,
} from './cloud-state.ts';

const BOT = '00000000-0000-4000-8000-000000000001';
const settings: CloudSettingsDto = {
  botId: BOT,
  phoneNumberId: '106540352242922',
  wabaId: null,
  graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
  webhookUrl: `https://colmeia.example/webhooks/whatsapp/${BOT}`,
  verifyToken: 'vt',
  accessTokenHint: '…abcd',
  appSecretHint: '…wxyz',
  tokenStatus: 'set',
  tokenError: null,
  tokenInvalidAt: null,
  verifiedAt: '2030-01-01T12:00:00.000Z',
  lastWebhookAt: null,
  ready: true,
  updatedAt: '2030-01-01T12:00:00.000Z',
};

describe('cloudPhase', () => {
  it('is ready once the settings are complete and Meta verified the webhook', () => {
    expect(cloudPhase(settings)).toBe('ready');
    expect(cloudPhase({ ...settings, verifiedAt: null })).toBe('unverified');
  });

  it('puts a refused token before anything else, then missing settings', () => {
    expect(cloudPhase({ ...settings, tokenStatus: 'invalid', ready: false })).toBe('invalid');
    expect(cloudPhase({ ...settings, ready: false, tokenStatus: 'missing' })).toBe('incomplete');
    expect(cloudPhase({ ...settings, ready: false, tokenStatus: 'missing', verifiedAt: null })).toBe(
      'incomplete',
    );
  });

  it('names what is missing', () => {
    expect(missingPieces(settings)).toEqual([]);
    expect(missingPieces({ phoneNumberId: null, tokenStatus: 'missing', appSecretHint: null })).toEqual([
      'phoneNumberId',
      'accessToken',
      'appSecret',
    ]);
    expect(missingPieces({ ...settings, tokenStatus: 'invalid' })).toEqual([]);
  });

  it('asks often until Meta has verified the webhook', () => {
    expect(cloudRefreshMs(undefined)).toBe(5_000);
    expect(cloudRefreshMs({ verifiedAt: null })).toBe(5_000);
    expect(cloudRefreshMs(settings)).toBe(30_000);
  });
});

describe('the settings form', () => {
  it('starts with the stored values, secrets blank and Meta’s address as blank', () => {
    expect(formValues(settings)).toEqual({
      phoneNumberId: '106540352242922',
      wabaId: '',
      accessToken: '',
      appSecret: '',
      graphBaseUrl: '',
    });
    expect(formValues({ ...settings, graphBaseUrl: 'http://127.0.0.1:4020' }).graphBaseUrl).toBe(
      'http://127.0.0.1:4020',
    );
  });

  it('leaves blank secrets out so the stored ones stay, and sends the ones typed', () => {
    expect(toSaveInput(BOT, formValues(settings))).toEqual({
      botId: BOT,
      phoneNumberId: '106540352242922',
      wabaId: null,
      graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
    });
    const input = toSaveInput(BOT, {
      phoneNumberId: ' 106540352242922 ',
      wabaId: '102290129340398',
      accessToken: ` EAAG${'x'.repeat(30)} `,
      appSecret: 'app-secret-123',
      graphBaseUrl: 'http://127.0.0.1:4020',
    });
    expect(input).toEqual({
      botId: BOT,
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      accessToken: `EAAG${'x'.repeat(30)}`,
      appSecret: 'app-secret-123',
      graphBaseUrl: 'http://127.0.0.1:4020',
    });
  });

  it('validates filled fields with the shared schema’s messages and lets optional ones stay blank', () => {
    expect(ZCloudForm.safeParse(formValues(settings)).success).toBe(true);
    const bad = ZCloudForm.safeParse({
      phoneNumberId: '12-34',
      wabaId: 'abc',
      accessToken: 'short',
      appSecret: 'tiny',
      graphBaseUrl: 'not a url',
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      phoneNumberId: 'Digits only, as Meta shows it',
      wabaId: 'Digits only, as Meta shows it',
      accessToken: 'This does not look like an access token',
      appSecret: 'This does not look like an app secret',
      graphBaseUrl: 'Invalid URL',
    });
    expect(ZCloudForm.safeParse({ ...formValues(settings), phoneNumberId: '' }).success).toBe(false);
  });
});
