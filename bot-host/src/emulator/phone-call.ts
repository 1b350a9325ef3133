// Calls the emulated phone inside a session's page (window.__colmeiaPhone, see page/phone.js).
// Used by the session driver on behalf of the emulator's HTTP controls.
import type { WaClient } from '../session/client-factory.ts';

type Page = NonNullable<WaClient['pupPage']>;

type Phone = { __colmeiaPhone?: Record<string, (args: unknown) => unknown> };

export async function callPhone(page: Page | null, action: string, args: unknown): Promise<unknown> {
  if (!page) throw new Error('the session has no page yet');
  return page.evaluate(
    (a: string, x: unknown) => {
      const phone = (globalThis as unknown as Phone).__colmeiaPhone;
      const fn = phone?.[a];
      if (!fn) throw new Error(`phone: unknown action ${a}`);
      return fn(x);
    },
    action,
    args,
  );
}
