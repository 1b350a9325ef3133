// What the SPA needs to know about the server it talks to, before anyone logs in.
import { z } from 'zod';

/** `demo` and `test` servers offer the emulated phone and other test helpers; `production` never. */
export const ZServerMode = z.enum(['production', 'demo', 'test']);
export type ServerMode = z.infer<typeof ZServerMode>;

export const ZAppConfig = z.object({ mode: ZServerMode });
export type AppConfig = z.infer<typeof ZAppConfig>;
