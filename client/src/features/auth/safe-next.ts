/**
 * The ?next target after logging in, only if it is a path on this site: '//evil.example' or
 * 'https://…' would turn the login page into an open redirect.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
