// CSRF defence for the cookie-authenticated API, on top of SameSite=Lax cookies: a state-changing
// request must carry a custom header (a cross-site form cannot set one without a CORS preflight,
// which we never grant) and, when the browser sends Origin, come from our own origin.
import type { NextFunction, Request, Response } from 'express';

export const CSRF_HEADER = 'x-colmeia-csrf';

export function csrfGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
    next();
    return;
  }
  const origin = req.headers.origin;
  if (origin && originHost(origin) !== req.headers.host) {
    res.status(403).json({ error: { message: 'Cross-origin request refused.' } });
    return;
  }
  if (req.headers[CSRF_HEADER] !== '1') {
    res.status(403).json({ error: { message: `Missing ${CSRF_HEADER} header.` } });
    return;
  }
  next();
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
