// The session cookies. httpOnly + SameSite=Lax keeps them away from scripts and cross-site posts;
// mutations additionally need the X-Colmeia-Csrf header (see http/csrf.ts).
import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'colmeia_sid';
/** A separate cookie for an impersonation session, so exiting restores the staff login. */
export const IMPERSONATION_COOKIE = 'colmeia_imp';

export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, expires: Date): void;
  clear(name: string): void;
}

export function expressCookieJar(req: Request, res: Response, secure: boolean): CookieJar {
  const parsed = parse(req.headers.cookie ?? '');
  return {
    get: (name) => parsed[name],
    set: (name, value, expires) => {
      parsed[name] = value;
      res.append(
        'Set-Cookie',
        serialize(name, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires }),
      );
    },
    clear: (name) => {
      delete parsed[name];
      res.append(
        'Set-Cookie',
        serialize(name, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) }),
      );
    },
  };
}

/** For router tests that call procedures directly. */
export function memoryCookieJar(
  initial: Record<string, string> = {},
): CookieJar & { values: Record<string, string> } {
  const values = { ...initial };
  return {
    values,
    get: (name) => values[name],
    set: (name, value) => {
      values[name] = value;
    },
    clear: (name) => {
      delete values[name];
    },
  };
}
