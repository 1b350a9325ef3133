// Bot-host protocol, HTTP control API: bodies and answers of the host's endpoints.
// The server's host client and the staff console read these; the host validates with them.
import { z } from 'zod';
import { ZSessionState, ZSessionStatus } from './session.ts';

export const ZSessionList = z.object({ items: z.array(ZSessionStatus) });
export type SessionList = z.infer<typeof ZSessionList>;

/** GET /health: enough for the server's registry heartbeat and placement. */
export const ZHostHealth = z.object({
  ok: z.boolean(),
  hostId: z.string(),
  status: z.enum(['ok', 'degraded', 'shutting_down']),
  version: z.string(),
  uptimeSeconds: z.number(),
  sessions: z.number().int(),
  sessionsByState: z.partialRecord(ZSessionState, z.number().int()),
  capacity: z.number().int(),
  workers: z.number().int(),
  /** Host memory, bytes: what placement compares across hosts. */
  memory: z.object({ totalBytes: z.number(), freeBytes: z.number(), usedBySessionsBytes: z.number() }),
});
export type HostHealth = z.infer<typeof ZHostHealth>;

/** POST /internal/bot-hosts/heartbeat (host → server): where the host listens and how it is doing. */
export const ZHostHeartbeat = z.object({
  /** The host's control API as the server should reach it. */
  url: z.url({ protocol: /^https?$/ }),
  health: ZHostHealth,
});
export type HostHeartbeat = z.infer<typeof ZHostHeartbeat>;

/** Queue names shared by the server (producer of commands, consumer of events) and the hosts. */
export const HOST_EVENTS_QUEUE = 'host-events';
export const hostCommandsQueue = (hostId: string) => `host-commands.${hostId}`;
