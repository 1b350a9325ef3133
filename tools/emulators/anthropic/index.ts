// @colmeia/emulators/anthropic: an in-process Anthropic Messages API for tests, the demo and the
// gateway benchmark. Start it on port 0 and point the SDK's baseURL at `url`.
export type { EmulatorUsage, Fault, FaultMatch } from './faults.ts';
export { ERROR_TYPES } from './faults.ts';
export { tokensOf } from './reply.ts';
export {
  type AnthropicEmulator,
  type EmulatorOptions,
  type RequestLogEntry,
  startAnthropicEmulator,
} from './server.ts';
