// One pino logger for the process; children carry request, tenant and job ids.
import { pino } from 'pino';

export function createLogger(level: string) {
  return pino({ level, base: { service: 'server' } });
}

export type Logger = ReturnType<typeof createLogger>;
