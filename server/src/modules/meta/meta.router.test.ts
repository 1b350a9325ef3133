import { describe, expect, it } from 'vitest';
import type { Context } from '../../trpc/context.ts';
import { metaRouter } from './meta.router.ts';

/** meta.config reads only the env, so a context with just that is enough. */
const callerIn = (mode: string) =>
  metaRouter.createCaller({ deps: { env: { COLMEIA_MODE: mode } } } as unknown as Context);

describe('meta.config', () => {
  it('tells the SPA which mode the server runs in, without a login', async () => {
    expect(await callerIn('demo').config()).toEqual({ mode: 'demo' });
    expect(await callerIn('production').config()).toEqual({ mode: 'production' });
  });
});
