// One pino logger for the process; children carry tenant, run and worker ids.
import { pino } from 'pino';

export function createLogger(level: string, base: Record<string, unknown> = {}) {
  return pino({ level, base: { service: 'bot-host', ...base } });
}

export type Logger = ReturnType<typeof createLogger>;
