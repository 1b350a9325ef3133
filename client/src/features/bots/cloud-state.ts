// How a Cloud API number's settings read to a person: one phase with a tone (for the bots list and
// the settings page), what is still missing, and the form's values turned into `cloud.save` input
// (secrets left blank keep their stored value; a blank Graph address means Meta's own).
import {
  type CloudSettingsDto,
  DEFAULT_GRAPH_BASE_URL,
  type SaveCloudSettingsInput,
  ZSaveCloudSettingsInput,
} from '@colmeia/shared';
import { z } from 'zod';

/**
 * `invalid` Meta refused the token (replies stop); `incomplete` number id, token or app secret
 * missing; `unverified` all set but Meta has not checked the callback URL yet; `ready` answering.
 */
export type CloudPhase = 'invalid' | 'incomplete' | 'unverified' | 'ready';
export type CloudTone = 'ok' | 'warning' | 'danger';

export const CLOUD_PHASE_TONE: Record<CloudPhase, CloudTone> = {
  invalid: 'danger',
  incomplete: 'warning',
  unverified: 'warning',
  ready: 'ok',
};

type PhaseInput = Pick<CloudSettingsDto, 'ready' | 'tokenStatus' | 'verifiedAt'>;

export function cloudPhase(s: PhaseInput): CloudPhase {
  if (s.tokenStatus === 'invalid') return 'invalid';
  if (!s.ready) return 'incomplete';
  return s.verifiedAt ? 'ready' : 'unverified';
}

export type CloudPiece = 'phoneNumberId' | 'accessToken' | 'appSecret';

/** What the tenant still has to fill in before the bot can answer. */
export function missingPieces(
  s: Pick<CloudSettingsDto, 'phoneNumberId' | 'tokenStatus' | 'appSecretHint'>,
): CloudPiece[] {
  const missing: CloudPiece[] = [];
  if (!s.phoneNumberId) missing.push('phoneNumberId');
  if (s.tokenStatus === 'missing') missing.push('accessToken');
  if (!s.appSecretHint) missing.push('appSecret');
  return missing;
}

/** Until Meta has checked the webhook, the page asks often; afterwards now and then. */
export const cloudRefreshMs = (s: Pick<CloudSettingsDto, 'verifiedAt'> | undefined) =>
  s?.verifiedAt ? 30_000 : 5_000;

const shape = ZSaveCloudSettingsInput.shape;
/** A field that may stay empty; when filled it follows the shared schema (and its messages). */
const blankOr = (schema: z.ZodType) =>
  z.string().superRefine((value, ctx) => {
    if (!value.trim()) return;
    const parsed = schema.safeParse(value);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message });
  });

export const ZCloudForm = z.object({
  phoneNumberId: shape.phoneNumberId,
  wabaId: blankOr(shape.phoneNumberId),
  accessToken: blankOr(shape.accessToken.unwrap()),
  appSecret: blankOr(shape.appSecret.unwrap()),
  graphBaseUrl: blankOr(shape.graphBaseUrl.unwrap()),
});
export type CloudFormValues = z.infer<typeof ZCloudForm>;

/** The form as the saved settings fill it: secrets are write-only, so they start blank. */
export function formValues(s: CloudSettingsDto): CloudFormValues {
  return {
    phoneNumberId: s.phoneNumberId ?? '',
    wabaId: s.wabaId ?? '',
    accessToken: '',
    appSecret: '',
    graphBaseUrl: s.graphBaseUrl === DEFAULT_GRAPH_BASE_URL ? '' : s.graphBaseUrl,
  };
}

export function toSaveInput(botId: string, v: CloudFormValues): SaveCloudSettingsInput {
  const text = (x: string) => x.trim();
  const input: SaveCloudSettingsInput = {
    botId,
    phoneNumberId: text(v.phoneNumberId),
    wabaId: text(v.wabaId) || null,
    graphBaseUrl: text(v.graphBaseUrl) || DEFAULT_GRAPH_BASE_URL,
  };
  if (text(v.accessToken)) input.accessToken = text(v.accessToken);
  if (text(v.appSecret)) input.appSecret = text(v.appSecret);
  return input;
}
