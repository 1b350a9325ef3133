// @colmeia/emulators/meta: an in-process Meta Graph API (WhatsApp Cloud API) for tests and the
// demo. Start it on port 0, point a bot's Graph base URL at `url`, configure the phone number id
// with the app secret, verify token and webhook URL, verify the webhook, then push messages.
export type { CallbackLogEntry, VerifyResult } from './callbacks.ts';
export { type GraphFault, type GraphFaultMatch, KNOWN_ERRORS } from './faults.ts';
export type { SendLogEntry } from './graph.ts';
export type { NumberConfig } from './numbers.ts';
export { escapedJson, type InboundText, newWamid, signatureOf, waIdOf } from './payloads.ts';
export { type MetaEmulator, type MetaEmulatorOptions, startMetaEmulator } from './server.ts';
