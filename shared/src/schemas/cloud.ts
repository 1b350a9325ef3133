// WhatsApp Cloud API numbers (cloud.*): per-bot settings for a number served through Meta's Graph
// API. Secrets (access token, app secret) go in and never come back: the SPA sees hints only.
import { z } from 'zod';

const ZIsoDate = z.iso.datetime();
/** Meta's object ids (phone number id, WhatsApp business account id) are digits. */
const ZGraphId = z
  .string()
  .trim()
  .regex(/^\d{5,30}$/, 'Digits only, as Meta shows it');

/** Where the Graph API lives unless a bot says otherwise (the emulator, in tests and the demo). */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';

/**
 * `missing` no token yet; `set` a token is stored (Meta has not refused it); `invalid` Meta answered
 * error 190 (expired or revoked): replies stop until a new token is saved.
 */
export const ZCloudTokenStatus = z.enum(['missing', 'set', 'invalid']);

export const ZCloudSettings = z.object({
  botId: z.uuid(),
  phoneNumberId: z.string().nullable(),
  wabaId: z.string().nullable(),
  graphBaseUrl: z.string(),
  /** The callback URL to paste into Meta's app dashboard, with the verify token below. */
  webhookUrl: z.string(),
  verifyToken: z.string(),
  accessTokenHint: z.string().nullable(),
  appSecretHint: z.string().nullable(),
  tokenStatus: ZCloudTokenStatus,
  /** What Meta said when it refused the token (error 190). */
  tokenError: z.string().nullable(),
  tokenInvalidAt: ZIsoDate.nullable(),
  /** Last time Meta's verification handshake succeeded. */
  verifiedAt: ZIsoDate.nullable(),
  /** Last signed callback accepted. */
  lastWebhookAt: ZIsoDate.nullable(),
  /** Number id, token and app secret are set and the token is not known to be invalid. */
  ready: z.boolean(),
  updatedAt: ZIsoDate,
});
export type CloudSettingsDto = z.infer<typeof ZCloudSettings>;

export const ZCloudBotInput = z.object({ botId: z.uuid() });

/** Omitted secrets keep their stored value; setting them is refused while impersonating. */
export const ZSaveCloudSettingsInput = z.object({
  botId: z.uuid(),
  phoneNumberId: ZGraphId,
  wabaId: ZGraphId.nullable().optional(),
  accessToken: z.string().trim().min(20, 'This does not look like an access token').max(1000).optional(),
  appSecret: z.string().trim().min(8, 'This does not look like an app secret').max(200).optional(),
  graphBaseUrl: z.url().max(300).optional(),
});
export type SaveCloudSettingsInput = z.infer<typeof ZSaveCloudSettingsInput>;

/**
 * Why a Cloud API reply failed: the `error` of a failed message starts with one of these codes
 * followed by `: ` and an English explanation. `window_closed` is our own check (no free-form
 * message more than 24 h after the contact last wrote: a template message is needed); the numbers
 * are Meta's error codes.
 */
export const CLOUD_ERROR_CODES = ['window_closed', '131047', '131026', '190', '130429', '131056'] as const;
