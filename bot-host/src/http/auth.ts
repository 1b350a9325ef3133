// Bearer host token for the control API. Compared in constant time (over digests, so a wrong
// length leaks nothing either).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export function requireHostToken(expected: string): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() === 'bearer' && token && tokenMatches(token, expected)) return next();
    res
      .status(401)
      .set('www-authenticate', 'Bearer')
      .json({ error: 'unauthorized', message: 'host token required' });
  };
}
