// The Piscina task that hosts one tenant session on a worker thread for as long as it runs.
// The supervisor talks to it only through the task's MessagePort; the task resolves when the run ends.
import { threadId } from 'node:worker_threads';
import { createLogger } from '../logger.ts';
import { SessionDriver } from '../session/driver.ts';
import type { SessionEnd } from '../session/driver-events.ts';
import type { FromWorker, SessionTask, ToWorker } from './port-protocol.ts';

export default async function runSession(task: SessionTask): Promise<SessionEnd> {
  const { port, options } = task;
  const logger = createLogger(task.logLevel, { tenantId: options.tenantId, threadId });
  const post = (message: FromWorker) => port.postMessage(message);
  const driver = new SessionDriver({ ...options, logger }, (event) => post({ kind: 'event', event }));

  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'stop':
        driver.stop(message.reason);
        return;
      case 'command':
        void driver
          .execute(message.command)
          .then((result) => post({ kind: 'reply', requestId: message.requestId, result }));
        return;
      case 'phone':
        driver.phone(message.action, message.args).then(
          (value) => post({ kind: 'reply', requestId: message.requestId, result: { ok: true, value } }),
          (error: Error) =>
            post({
              kind: 'reply',
              requestId: message.requestId,
              result: { ok: false, code: 'failed', message: error.message },
            }),
        );
        return;
      case 'crash':
        if (!task.allowCrash) return;
        logger.warn('crashing this worker on request');
        setImmediate(() => {
          throw new Error('worker crash requested');
        });
    }
  });
  post({ kind: 'hello', threadId });
  const end = await driver.run();
  logger.info({ reason: end.reason, detail: end.detail }, 'session run ended');
  post({ kind: 'end', end });
  port.close();
  return end;
}
